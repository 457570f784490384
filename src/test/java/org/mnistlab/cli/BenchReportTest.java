package org.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    private static final BenchReport.Row CNN = new BenchReport.Row("cnn", "Simple CNN", 2, 64, 54_000, 2_512.25,
            1_900.5, 2_600.0, 24.5, 0.9921, 61.2, 812, 410.5, 530.0, "1.50/2.00/2.50", "1.80/2.10/2.50");
    private static final BenchReport.Row MLP = new BenchReport.Row("mlp", "MLP, 1 hidden", 1, 128, 54_000,
            20_000.0, 20_000.0, null, 3.0, 0.97, 9.0, 500, 95.0, 120.0, "1.00/1.00/1.00", "1.00/1.00/1.00");
    private static final BenchReport REPORT = new BenchReport(Instant.parse("2026-12-02T14:30:05Z"),
            "CPU linux-x86_64-onednn-avx512", true, 7.25, List.of(CNN, MLP));

    @Test
    void csv_has_a_header_and_one_line_per_model_with_plain_decimals() {
        List<String> lines = REPORT.csv().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("started,backend,avx512,warm_up_s,model,");
        assertThat(lines.get(1)).isEqualTo("2026-12-02T14:30:05Z,CPU linux-x86_64-onednn-avx512,true,7.25,cnn,"
                + "Simple CNN,2,64,54000,2512.25,1900.5,2600,24.5,0.9921,61.2,812,410.5,530,"
                + "1.50/2.00/2.50,1.80/2.10/2.50");
        assertThat(lines.get(0).split(",")).hasSameSizeAs(lines.get(1).split(","));
    }

    @Test
    void csv_quotes_names_with_commas_and_leaves_a_missing_later_epoch_figure_empty() {
        assertThat(REPORT.csv().lines().toList().get(2)).contains(",mlp,\"MLP, 1 hidden\",1,128,54000,20000,20000,,3,");
    }

    @Test
    void json_holds_the_run_and_every_row_with_null_for_a_missing_figure() throws IOException {
        JsonNode json = new ObjectMapper().readTree(REPORT.json());
        assertThat(json.get("started").asText()).isEqualTo("2026-12-02T14:30:05Z");
        assertThat(json.get("avx512").asBoolean()).isTrue();
        assertThat(json.get("warmUpSeconds").asDouble()).isEqualTo(7.25);
        assertThat(json.get("rows")).hasSize(2);
        assertThat(json.get("rows").get(0).get("inferenceMedianMicros").asDouble()).isEqualTo(410.5);
        assertThat(json.get("rows").get(1).get("laterEpochsImagesPerSecond").isNull()).isTrue();
    }

    @Test
    void a_bench_without_warm_up_leaves_its_seconds_empty() throws IOException {
        BenchReport cold = new BenchReport(REPORT.started(), REPORT.backend(), true, null, List.of(MLP));
        assertThat(cold.csv().lines().toList().get(1)).startsWith("2026-12-02T14:30:05Z,CPU linux-x86_64-onednn-avx512,true,,mlp,");
        assertThat(new ObjectMapper().readTree(cold.json()).get("warmUpSeconds").isNull()).isTrue();
    }

    @Test
    void table_shows_a_dash_for_a_missing_later_epoch_figure() {
        assertThat(REPORT.table().lines().toList()).hasSize(4);
        assertThat(MLP.tableLine()).contains("|   20,000 |        — |");
        assertThat(CNN.tableLine()).contains("|    2,512 |    2,600 |");
    }

    @Test
    void writes_csv_and_json_named_by_the_start_time(@TempDir Path dir) throws IOException {
        List<Path> files = REPORT.writeTo(dir.resolve("new"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("bench-20261202-143005.csv", "bench-20261202-143005.json");
        assertThat(Files.readString(files.get(0))).isEqualTo(REPORT.csv());
    }
}
