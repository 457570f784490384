package org.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.security.Role;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;

/** {@code bench --server}: the models train on the server as the token user's runs; the table comes from them. */
class BenchOnServerTest extends ServerCommandTest {

    @TempDir
    Path outDir;

    @Test
    void benchmarks_each_model_as_a_run_on_the_server_and_writes_the_figures() throws IOException {
        int code = run("bench", "--server", server.url(), "--token", tokenOf("bench-bea", Role.TRAINER),
                "--models", "logistic,mlp", "--epochs", "2", "--subset", "1000", "--out", outDir.toString());

        assertThat(code).as(err()).isEqualTo(CommandLine.OK);
        assertThat(out()).containsPattern("Server " + Pattern.quote(server.url()) + ": backend CPU \\S+, oneDNN")
                .containsPattern("epoch 2/2  train loss");
        Matcher runs = Pattern.compile("run #(\\d+) \\| (\\S+) ").matcher(out());
        List<Long> ids = runs.results().map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(ids).hasSize(2);
        for (long id : ids) {
            RunRecord stored = store.findById(id).orElseThrow();
            assertThat(stored.owner()).isEqualTo("bench-bea");
            assertThat(stored.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(stored.config().epochs()).isEqualTo(2);
        }
        assertThat(store.findById(ids.get(0)).orElseThrow().name()).isEqualTo("bench logistic");
        assertThat(store.findById(ids.get(1)).orElseThrow().name()).isEqualTo("bench mlp");

        // the table's rows: figures of the server's runs; RSS and latency are not this process's to measure
        String logisticRow = out().lines().filter(l -> l.startsWith("| Logistic")).findFirst().orElseThrow();
        assertThat(logisticRow).contains("|   2 |").containsPattern("\\|\\s+—\\s+\\|\\s+—\\s+\\| server → server \\|$");
        Path csv;
        try (var files = Files.list(outDir)) {
            csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains(",logistic,").contains("on " + server.url()).contains(",-1,,,server,server");
        double testAccuracy = store.findById(ids.get(0)).orElseThrow().testAccuracy();
        assertThat(logisticRow).contains(String.format(java.util.Locale.ROOT, "%7.2f%%", 100 * testAccuracy));
    }

    @Test
    void a_viewer_cannot_bench_on_the_server() {
        String viewer = tokenOf("bench-viktor", Role.VIEWER);
        int code = run("bench", "--server", server.url(), "--token", viewer, "--models", "logistic");

        assertThat(code).isEqualTo(CommandLine.FAILED);
        assertThat(err().strip()).startsWith("Error: Your role may not do this");
    }
}
