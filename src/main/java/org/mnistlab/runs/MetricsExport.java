package org.mnistlab.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.ClassMetrics;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.Misclassified;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunReport;
import org.mnistlab.training.RunSetting;
import org.springframework.stereotype.Component;

/**
 * A run's metrics as files people take elsewhere: CSV (one row per epoch, for spreadsheets and pandas)
 * and JSON (the whole report: run, config, epochs, test evaluation). Missing values (no validation
 * split, not evaluated) are empty in CSV and null in JSON, never "NaN".
 */
@Component
public class MetricsExport {

    public static final List<String> CSV_COLUMNS = List.of("run_id", "epoch", "train_loss", "train_accuracy",
            "validation_loss", "validation_accuracy", "learning_rate", "duration_ms", "images_per_second");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One header line, then one line per finished epoch; lines end with \n. */
    public String csv(RunReport report) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        long id = report.run().id();
        for (EpochMetrics e : report.epochs()) {
            out.append(id).append(',').append(e.epoch()).append(',')
                    .append(csvNumber(e.trainLoss())).append(',')
                    .append(csvNumber(e.trainAccuracy())).append(',')
                    .append(csvNumber(e.validationLoss())).append(',')
                    .append(csvNumber(e.validationAccuracy())).append(',')
                    .append(csvNumber(e.learningRate())).append(',')
                    .append(e.durationMillis()).append(',')
                    .append(csvNumber(e.imagesPerSecond())).append('\n');
        }
        return out.toString();
    }

    /** The whole report as an indented JSON object with keys run, config, environment, epochs, evaluation. */
    public String json(RunReport report) {
        ObjectNode root = mapper.createObjectNode();
        RunRecord r = report.run();
        ObjectNode run = root.putObject("run");
        run.put("id", r.id());
        run.put("name", r.name());
        run.put("status", r.status().name());
        run.put("dataset", r.dataset() == null ? null : r.dataset().id());
        run.put("architecture", r.architecture() == null ? null : r.architecture().id());
        run.put("createdAt", instant(r.createdAt()));
        run.put("startedAt", instant(r.startedAt()));
        run.put("finishedAt", instant(r.finishedAt()));
        Duration duration = r.duration();
        run.put("durationMillis", duration == null ? null : duration.toMillis());
        run.put("parameterCount", r.parameterCount());
        run.put("epochsDone", r.epochsDone());
        run.put("epochsPlanned", r.epochsPlanned());
        run.put("bestEpoch", r.bestEpoch());
        putNumber(run, "bestValidationAccuracy", r.bestValidationAccuracy());
        putNumber(run, "testAccuracy", r.testAccuracy());
        putNumber(run, "testLoss", r.testLoss());
        run.put("errorMessage", r.errorMessage());
        root.set("config", mapper.valueToTree(r.config()));
        ObjectNode environment = root.putObject("environment");
        environment.set("softwareVersions", stringMap(r.softwareVersions()));
        environment.set("datasetChecksums", stringMap(r.datasetChecksums()));
        ArrayNode epochs = root.putArray("epochs");
        for (EpochMetrics e : report.epochs()) {
            ObjectNode o = epochs.addObject();
            o.put("epoch", e.epoch());
            putNumber(o, "trainLoss", e.trainLoss());
            putNumber(o, "trainAccuracy", e.trainAccuracy());
            putNumber(o, "validationLoss", e.validationLoss());
            putNumber(o, "validationAccuracy", e.validationAccuracy());
            putNumber(o, "learningRate", e.learningRate());
            o.put("durationMillis", e.durationMillis());
            putNumber(o, "imagesPerSecond", e.imagesPerSecond());
        }
        Evaluation ev = report.evaluation();
        if (ev == null) {
            root.putNull("evaluation");
        } else {
            root.set("evaluation", evaluation(ev, r.dataset()));
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File name stem for downloads: "run-12-simple-cnn-mnist". */
    public static String fileStem(RunRecord run) {
        String slug = run.name().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return "run-" + run.id() + (slug.isEmpty() ? "" : "-" + slug);
    }

    private ObjectNode evaluation(Evaluation ev, DatasetKind dataset) {
        ObjectNode o = mapper.createObjectNode();
        putNumber(o, "accuracy", ev.accuracy());
        putNumber(o, "loss", ev.loss());
        ArrayNode confusion = o.putArray("confusion");
        for (int[] row : ev.confusion()) {
            ArrayNode r = confusion.addArray();
            for (int c : row) {
                r.add(c);
            }
        }
        ArrayNode perClass = o.putArray("perClass");
        for (ClassMetrics c : ev.perClass()) {
            ObjectNode m = perClass.addObject();
            m.put("label", c.label());
            m.put("className", dataset == null ? String.valueOf(c.label()) : dataset.className(c.label()));
            putNumber(m, "precision", c.precision());
            putNumber(m, "recall", c.recall());
            putNumber(m, "f1", c.f1());
            m.put("support", c.support());
        }
        ArrayNode wrong = o.putArray("misclassified");
        for (Misclassified m : ev.misclassified()) {
            ObjectNode w = wrong.addObject();
            w.put("testIndex", m.testIndex());
            w.put("trueLabel", m.trueLabel());
            w.put("predictedLabel", m.predictedLabel());
            putNumber(w, "confidence", m.confidence());
        }
        return o;
    }

    private ObjectNode stringMap(Map<String, String> map) {
        ObjectNode o = mapper.createObjectNode();
        if (map != null) {
            map.forEach(o::put);
        }
        return o;
    }

    private static void putNumber(ObjectNode o, String key, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String csvNumber(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : RunSetting.decimal(v);
    }
}
