package org.mnistlab.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A real local port in front of the shared test context's MockMvc, for clients that speak HTTP (the command
 * line's {@code --server}) without starting a second Spring context, which would fight the first for the H2 file.
 */
public final class MockMvcHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final MockMvc mvc;

    public MockMvcHttpServer(MockMvc mvc) throws IOException {
        this.mvc = mvc;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
                    HttpMethod.valueOf(exchange.getRequestMethod()), exchange.getRequestURI());
            exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
            String type = exchange.getRequestHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
            if (type != null) {
                request.contentType(type);
            }
            request.content(exchange.getRequestBody().readAllBytes());
            MockHttpServletResponse response;
            try {
                response = mvc.perform(request).andReturn().getResponse();
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            for (String name : response.getHeaderNames()) {
                response.getHeaders(name).forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
            if (response.getContentType() != null) {
                exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, response.getContentType());
            }
            byte[] body = response.getContentAsByteArray();
            exchange.sendResponseHeaders(response.getStatus(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
