package org.mnistlab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mnistlab.Application;
import org.mnistlab.SpringAppTest;
import org.mnistlab.api.ApiClient;
import org.mnistlab.api.MockMvcHttpServer;
import org.mnistlab.security.Role;
import org.mnistlab.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;

/** A command run with {@code --server} against the app on a real port, its output captured. */
abstract class ServerCommandTest extends SpringAppTest {

    @Autowired
    UserService users;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    MockMvcHttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockMvcHttpServer(ApiClient.mvc(context));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    String tokenOf(String username, Role role) {
        return ApiClient.tokenOf(users, username, role);
    }

    int run(String... args) {
        return CommandLine.run(Application.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
