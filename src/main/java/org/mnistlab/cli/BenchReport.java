package org.mnistlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures of one {@code bench} invocation, one row per model, as the printed table and as CSV and JSON
 * files so they can be tracked across builds and machines. {@code warmUpSeconds} is how long the training
 * warm-up ran before timing, null without one ({@code --no-warm-up}, or {@code --server}, where the server
 * decides): first-epoch figures with and without it are not comparable.
 */
record BenchReport(Instant started, String backend, boolean avx512, Double warmUpSeconds, List<Row> rows) {

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /**
     * One model's figures. Images/s count fitting only (no per-epoch measuring); the first epoch includes JIT
     * warm-up, so later epochs are reported apart (null with a single epoch). Inference is one image through
     * the trained network, as the drawing pad sends it. With {@code bench --server} peak RSS is -1 and the
     * inference figures NaN: they are measured in the training process, which is the server's.
     */
    record Row(String model, String name, int epochs, int batch, int trainImages, double imagesPerSecond,
               double firstEpochImagesPerSecond, Double laterEpochsImagesPerSecond, double meanEpochSeconds,
               double testAccuracy, double wallSeconds, long peakRssMiB, double inferenceMedianMicros,
               double inferenceP90Micros, String loadBefore, String loadAfter) {

        String tableLine() {
            return String.format(Locale.ROOT,
                    "| %-16s | %3d | %5d | %,8.0f | %8s | %7.1f | %7.2f%% | %7.1f | %6s | %7s | %s → %s |",
                    name, epochs, batch, imagesPerSecond, laterEpochsImagesPerSecond == null ? "—"
                            : String.format(Locale.ROOT, "%,.0f", laterEpochsImagesPerSecond), meanEpochSeconds,
                    100 * testAccuracy, wallSeconds,
                    peakRssMiB < 0 ? "—" : String.format(Locale.ROOT, "%,d", peakRssMiB),
                    Double.isNaN(inferenceMedianMicros) ? "—" : String.format(Locale.ROOT, "%,.0f", inferenceMedianMicros),
                    loadBefore, loadAfter);
        }
    }

    static final String TABLE_HEADER = "| model            | ep. | batch | images/s | later ep | epoch s | test acc "
            + "| wall s  | RSS MiB | infer µs | load 1/5/15 min |\n|---|---|---|---|---|---|---|---|---|---|---|";

    static final String CSV_HEADER = "started,backend,avx512,warm_up_s,model,name,epochs,batch,train_images,"
            + "images_per_s,first_epoch_images_per_s,later_epochs_images_per_s,mean_epoch_s,test_accuracy,wall_s,"
            + "peak_rss_mib,infer1_med_us,infer1_p90_us,load_before,load_after";

    String table() {
        return TABLE_HEADER + "\n" + rows.stream().map(Row::tableLine).collect(Collectors.joining("\n"));
    }

    String csv() {
        return Stream.concat(Stream.of(CSV_HEADER), rows.stream().map(r -> String.join(",", Stream.of(
                        started, backend, avx512, figure(warmUpSeconds), r.model(), r.name(), r.epochs(), r.batch(),
                        r.trainImages(), figure(r.imagesPerSecond()), figure(r.firstEpochImagesPerSecond()),
                        figure(r.laterEpochsImagesPerSecond()), figure(r.meanEpochSeconds()),
                        figure(r.testAccuracy()), figure(r.wallSeconds()), r.peakRssMiB(),
                        figure(r.inferenceMedianMicros()), figure(r.inferenceP90Micros()), r.loadBefore(),
                        r.loadAfter()).map(BenchReport::csvField).toList())))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    String json() {
        try {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("started", started.toString());
            document.put("backend", backend);
            document.put("avx512", avx512);
            document.put("warmUpSeconds", warmUpSeconds);
            document.put("rows", rows);
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bench-<UTC time>.csv} and {@code .json} into {@code dir}; returns the two files. */
    List<Path> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        String base = "bench-" + FILE_STAMP.format(started);
        Path csv = Files.writeString(dir.resolve(base + ".csv"), csv());
        Path json = Files.writeString(dir.resolve(base + ".json"), json());
        return List.of(csv, json);
    }

    /** Up to four decimals without trailing zeros; empty for a figure not measured (null or NaN). */
    private static String figure(Double value) {
        return value == null || value.isNaN() ? ""
                : String.format(Locale.ROOT, "%.4f", value).replaceAll("\\.?0+$", "");
    }

    private static String csvField(Object value) {
        String s = String.valueOf(value);
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
