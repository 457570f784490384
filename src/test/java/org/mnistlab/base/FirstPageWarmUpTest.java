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

        // the script once, the page three times (its server code warms over several requests)
        assertThat(asked).containsExactly("/", "/login", "/VAADIN/build/indexhtml-Ab1.js", "/", "/login", "/", "/login");
        assertThat(served).extracting(FirstPageWarmUp.Served::path, FirstPageWarmUp.Served::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/login", 200),
                        org.assertj.core.groups.Tuple.tuple("/VAADIN/build/indexhtml-Ab1.js", 200),
                        org.assertj.core.groups.Tuple.tuple("/login", 200), org.assertj.core.groups.Tuple.tuple("/login", 200));
    }

    @Test
    void then_asks_for_the_pages_features_name_carrying_the_secret_it_admits_only_meanwhile() throws IOException {
        URI root = serve("<html><body>login</body></html>");
        List<String> secrets = new CopyOnWriteArrayList<>();
        List<Boolean> admittedMeanwhile = new CopyOnWriteArrayList<>();
        FirstPageWarmUp[] warmUp = new FirstPageWarmUp[1];
        server.createContext("/runs", exchange -> {
            String secret = exchange.getRequestHeaders().getFirst(FirstPageWarmUp.HEADER);
            secrets.add(secret);
            admittedMeanwhile.add(warmUp[0].admits(secret));
            asked.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        warmUp[0] = warmUp(List.of("runs", "runs/7"));

        List<FirstPageWarmUp.Served> served = warmUp[0].warmUp(root);

        assertThat(asked).containsExactly("/", "/login", "/runs", "/runs/7", "/", "/login", "/runs", "/runs/7",
                "/", "/login", "/runs", "/runs/7");
        assertThat(served).extracting(FirstPageWarmUp.Served::path).containsExactly("/login", "/runs", "/runs/7",
                "/login", "/runs", "/runs/7", "/login", "/runs", "/runs/7");
        assertThat(admittedMeanwhile).hasSize(2 * FirstPageWarmUp.PAGE_ROUNDS).containsOnly(true);
        assertThat(secrets.get(0)).hasSizeGreaterThanOrEqualTo(40).isEqualTo(secrets.get(1));
        assertThat(warmUp[0].admits(secrets.get(0))).as("after the warm-up").isFalse();
        assertThat(warmUp[0].admits("made-up")).isFalse();
        assertThat(warmUp[0].admits(null)).isFalse();
    }

    @Test
    void a_page_without_an_entry_script_is_asked_for_alone() throws IOException {
        URI root = serve("<html><body>maintenance</body></html>");

        assertThat(warmUp().warmUp(root)).hasSize(FirstPageWarmUp.PAGE_ROUNDS);
        assertThat(asked).containsExactly("/", "/login", "/", "/login", "/", "/login");
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
        return warmUp(List.of());
    }

    private FirstPageWarmUp warmUp(List<String> featurePaths) {
        GenericApplicationContext beans = new GenericApplicationContext();
        if (!featurePaths.isEmpty()) {
            beans.registerBean(WarmUpPages.class, () -> () -> featurePaths);
        }
        beans.refresh();
        return new FirstPageWarmUp(beans, new MockEnvironment(), beans.getBeanProvider(WarmUpPages.class));
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
