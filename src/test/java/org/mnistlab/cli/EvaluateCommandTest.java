package org.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.Application;

class EvaluateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CommandLine.run(Application.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void evaluates_stored_runs_as_an_ensemble_and_refuses_a_single_run(@TempDir Path dataDir) {
        String datasets = System.getProperty("mnistlab.datasets-dir", "../shared/datasets");
        for (String subset : new String[] {"1000", "1500"}) {
            assertThat(run("train", "--model", "logistic", "--epochs", "1", "--subset", subset, "--validation", "0",
                    "--data-dir", dataDir.toString(), "--datasets-dir", datasets)).as(err.toString()).isZero();
        }
        out.reset();

        int code = run("evaluate", "--ensemble", "1,2", "--data-dir", dataDir.toString(), "--datasets-dir", datasets);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err).isZero();
        assertThat(printed).contains("Ensemble #1 on MNIST", "run #1", "run #2", "averaged probabilities",
                "majority vote", "against the best member");
        assertThat(printed.lines().filter(l -> l.matches("(\\s+\\d+){10}"))).hasSize(10);

        out.reset();
        assertThat(run("evaluate", "--ensemble", "2,1", "--data-dir", dataDir.toString(), "--datasets-dir", datasets))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Ensemble #1 on MNIST: these runs were evaluated together on", "averaged probabilities")
                .doesNotContain("models have classified the test set");

        assertThat(run("evaluate", "--ensemble", "2", "--data-dir", dataDir.toString(), "--datasets-dir", datasets))
                .isEqualTo(CommandLine.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Error: Choose 2 to 10 different runs for an ensemble (1 chosen)");
    }
}
