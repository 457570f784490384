package org.mnistlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * The warm-up's requests, against a small HTTP server that answers as the app does (a redirect to the login page,
 * Vaadin's index page naming its entry script). That the real app's start serves its page is checked by the
 * browser tests ({@code ExplorerIT}).
 */
class FirstPageWarmUpTest {

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void follows_the_redirect_and_asks_for_the_entry_script_the_page_names() throws IOException {
        URI root = serve("""
                <html><head><script type="module" crossorigin src="./VAADIN/build/indexhtml-Ab1.js"></script></head></html>""");

        List<FirstPageWarmUp.Served> served = warmUp().warmUp(root);

        assertThat(asked).containsExactly("/", "/login", "/VAADIN/build/indexhtml-Ab1.js");
        assertThat(served).extracting(FirstPageWarmUp.Served::path, FirstPageWarmUp.Served::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/login", 200),
                        org.assertj.core.groups.Tuple.tuple("/VAADIN/build/indexhtml-Ab1.js", 200));
    }

    @Test
    void a_page_without_an_entry_script_is_asked_for_alone() throws IOException {
        URI root = serve("<html><body>maintenance</body></html>");

        assertThat(warmUp().warmUp(root)).hasSize(1);
        assertThat(asked).containsExactly("/", "/login");
    }

    @Test
    void a_server_that_does_not_answer_leaves_the_start_alone() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FirstPageWarmUp warmUp = warmUp();

        assertThat(warmUp.warmUp(URI.create("http://127.0.0.1:" + closedPort + "/"))).isEmpty();
        assertThat(warmUp.served()).isEmpty();
    }

    private FirstPageWarmUp warmUp() {
        return new FirstPageWarmUp(new GenericApplicationContext(), new MockEnvironment());
    }

    private URI serve(String loginPage) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            asked.add(path);
            if (path.equals("/")) {
                exchange.getResponseHeaders().add("Location", "/login");
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] body = (path.equals("/login") ? loginPage : "export {};").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
