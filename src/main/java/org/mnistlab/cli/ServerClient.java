package org.mnistlab.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mnistlab.api.RunDetailsJson;
import org.mnistlab.api.RunJson;
import org.mnistlab.api.ServerJson;
import org.mnistlab.training.RunConfig;

/** The few calls of the JSON API the command line makes, with failures said in one line. */
final class ServerClient {

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @throws ServerException when there is no token */
    ServerClient(String server, String token) {
        this.base = server.strip().replaceAll("/+$", "");
        if (token == null) {
            throw new ServerException("--server needs a token: give --token or set " + ServerOptions.TOKEN_ENV
                    + " (create one on the server's account page, " + base + "/account)");
        }
        this.token = token;
    }

    String base() {
        return base;
    }

    RunJson submit(RunConfig config) {
        try {
            return json.treeToValue(call("POST", "/api/runs", json.writeValueAsString(config)), RunJson.class);
        } catch (IOException e) {
            throw new ServerException("the server's answer cannot be read (" + e.getMessage() + ")");
        }
    }

    RunDetailsJson run(long id) {
        try {
            return json.treeToValue(call("GET", "/api/runs/" + id, null), RunDetailsJson.class);
        } catch (IOException e) {
            throw new ServerException("the server's answer cannot be read (" + e.getMessage() + ")");
        }
    }

    ServerJson serverInfo() {
        try {
            return json.treeToValue(call("GET", "/api/server", null), ServerJson.class);
        } catch (IOException e) {
            throw new ServerException("the server's answer cannot be read (" + e.getMessage() + ")");
        }
    }

    void cancel(long id) {
        call("POST", "/api/runs/" + id + "/cancel", null);
    }

    private JsonNode call(String method, String path, String body) {
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new ServerException("'" + base + "' is not a server URL: give e.g. http://localhost:8080");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException | UnresolvedAddressException e) {
            throw new ServerException("no MNIST Lab server at " + base);
        } catch (IllegalArgumentException e) {
            throw new ServerException("'" + base + "' is not a server URL: give e.g. http://localhost:8080");
        } catch (IOException e) {
            throw new ServerException(e.getCause() instanceof ConnectException ? "no MNIST Lab server at " + base
                    : "the connection to " + base + " failed (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException("interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 401) {
            throw new ServerException("the token was refused");
        }
        if (response.statusCode() >= 400) {
            throw new ServerException(message(response.statusCode(), answer));
        }
        return answer;
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
        } catch (IOException e) {
            return json.nullNode(); // not the API (an HTML page): said below by the status
        }
    }

    /** The API's {error, fields} in one line: each field's message when there are any. */
    private String message(int status, JsonNode answer) {
        JsonNode fields = answer.path("fields");
        if (fields.isObject() && fields.size() > 0) {
            List<String> parts = new ArrayList<>();
            fields.fields().forEachRemaining(f -> parts.add(f.getKey() + ": " + f.getValue().asText()));
            return String.join("; ", parts);
        }
        String error = answer.path("error").asText("");
        if (!error.isEmpty()) {
            return error;
        }
        return status == 404 ? base + " has no MNIST Lab API (HTTP 404): is it an MNIST Lab server?"
                : "the server answered HTTP " + status;
    }

    /** A failure of a call to the server; the message is the whole story, for one {@code Error:} line. */
    static final class ServerException extends RuntimeException {
        ServerException(String message) {
            super(message);
        }
    }
}
