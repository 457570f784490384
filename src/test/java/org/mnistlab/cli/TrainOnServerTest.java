package org.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.security.Role;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;

/** {@code train --server}: the run trains on the server, owned by the token's user, with the local run's lines. */
class TrainOnServerTest extends ServerCommandTest {

    private String token;

    @BeforeEach
    void createToken() {
        token = tokenOf("cli-carla", Role.TRAINER);
    }

    @Test
    void trains_on_the_server_and_prints_each_epoch_and_the_result() {
        int code = run("train", "--server", server.url(), "--token", token, "--model", "logistic", "--epochs", "2",
                "--subset", "1000", "--batch", "50", "--name", "cli on server");

        assertThat(code).as(err()).isEqualTo(CommandLine.OK);
        Matcher queued = Pattern.compile("Run #(\\d+) queued \\(7,850 parameters\\)").matcher(out());
        assertThat(queued.find()).as(out()).isTrue();
        long id = Long.parseLong(queued.group(1));
        assertThat(out()).contains("Server: " + server.url())
                .contains("Training cli on server: 2 epochs × ")
                .containsPattern("epoch 1/2  train loss \\d\\.\\d{4} acc .*img/s")
                .containsPattern("epoch 2/2  train loss")
                .containsPattern("Finished run #" + id + ": test accuracy \\d+\\.\\d\\d% \\(loss \\d\\.\\d{4}\\) in .*; best epoch \\d;"
                        + " model " + Pattern.quote(server.url() + "/api/runs/" + id + "/model"));
        RunRecord stored = store.findById(id).orElseThrow();
        assertThat(stored.owner()).isEqualTo("cli-carla");
        assertThat(stored.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(stored.config().batchSize()).isEqualTo(50);
    }

    @Test
    void a_refused_token_is_one_error_line_and_exit_1() {
        int code = run("train", "--server", server.url(), "--token", "mnl_wrong", "--model", "logistic");

        assertThat(code).isEqualTo(CommandLine.FAILED);
        assertThat(err().strip()).isEqualTo("Error: the token was refused");
    }

    @Test
    void a_viewers_token_is_told_what_their_role_may_do() {
        String viewer = tokenOf("cli-viktor", Role.VIEWER);
        int code = run("train", "--server", server.url(), "--token", viewer, "--model", "logistic");

        assertThat(code).isEqualTo(CommandLine.FAILED);
        assertThat(err().strip()).startsWith("Error: Your role may not do this").doesNotContain("\n");
    }

    @Test
    void no_server_at_the_url_is_said_in_one_line() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int code = run("train", "--server", "http://127.0.0.1:" + port, "--token", token, "--model", "logistic");

        assertThat(code).isEqualTo(CommandLine.FAILED);
        assertThat(err().strip()).isEqualTo("Error: no MNIST Lab server at http://127.0.0.1:" + port);
    }
}
