package org.mnistlab.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
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
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunReport;
import org.mnistlab.training.RunSetting;
import org.mnistlab.training.TrainingEnd;
import org.springframework.stereotype.Component;

/**
 * A run's metrics as files people take elsewhere: CSV (one row per epoch, for spreadsheets and pandas)
 * and JSON (the whole report: run, config, epochs, test evaluation). Missing values (no validation
 * split, not evaluated, not finished) are empty in CSV and null in JSON, never "NaN". Both say whether
 * early stopping ended training and which epoch's weights the test evaluation and the model file hold.
 */
@Component
public class MetricsExport {

    public static final List<String> CSV_COLUMNS = List.of("run_id", "epoch", "train_loss", "train_accuracy",
            "validation_loss", "validation_accuracy", "learning_rate", "duration_ms", "images_per_second",
            "model_weights", "stopped_early");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("non-finite numbers as null")
                    .addSerializer(Double.class, NonFiniteAsNull.INSTANCE)
                    .addSerializer(double.class, NonFiniteAsNull.INSTANCE));

    /**
     * One header line, then one line per finished epoch; lines end with \n. model_weights is true on the
     * epoch whose weights the test evaluation and model file hold, stopped_early on the epoch after which
     * early stopping ended training; both are empty until the run finished.
     */
    public String csv(RunReport report) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        long id = report.run().id();
        TrainingEnd end = report.run().trainingEnd().orElse(null);
        for (EpochMetrics e : report.epochs()) {
            out.append(id).append(',').append(e.epoch()).append(',')
                    .append(csvNumber(e.trainLoss())).append(',')
                    .append(csvNumber(e.trainAccuracy())).append(',')
                    .append(csvNumber(e.validationLoss())).append(',')
                    .append(csvNumber(e.validationAccuracy())).append(',')
                    .append(csvNumber(e.learningRate())).append(',')
                    .append(e.durationMillis()).append(',')
                    .append(csvNumber(e.imagesPerSecond())).append(',')
                    .append(end == null ? "" : String.valueOf(e.epoch() == end.weightsEpoch())).append(',')
                    .append(end == null ? "" : String.valueOf(end.stoppedEarly() && e.epoch() == end.epochsDone()))
                    .append('\n');
        }
        return out.toString();
    }

    /** The whole report as an indented JSON object with keys run, config, environment, epochs, evaluation. */
    public String json(RunReport report) {
        RunRecord run = report.run();
        Evaluation evaluation = report.evaluation();
        try {
            return mapper.writeValueAsString(new ReportJson(RunJson.of(run), run.config(),
                    new EnvironmentJson(orEmpty(run.softwareVersions()), orEmpty(run.datasetChecksums())),
                    report.epochs(), evaluation == null ? null : EvaluationJson.of(evaluation, run.dataset())));
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

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    /** The JSON document; epochs are {@link EpochMetrics} as they are. */
    private record ReportJson(RunJson run, RunConfig config, EnvironmentJson environment, List<EpochMetrics> epochs,
                              EvaluationJson evaluation) {
    }

    private record RunJson(long id, String name, String status, String dataset, String architecture,
                           String createdAt, String startedAt, String finishedAt, Long durationMillis,
                           long parameterCount, int epochsDone, int epochsPlanned, Integer bestEpoch,
                           Double bestValidationAccuracy, Double testAccuracy, Double testLoss,
                           String errorMessage, TrainingEndJson trainingEnd) {

        static RunJson of(RunRecord r) {
            Duration duration = r.duration();
            return new RunJson(r.id(), r.name(), r.status().name(), r.dataset() == null ? null : r.dataset().id(),
                    r.architecture() == null ? null : r.architecture().id(), instant(r.createdAt()),
                    instant(r.startedAt()), instant(r.finishedAt()), duration == null ? null : duration.toMillis(),
                    r.parameterCount(), r.epochsDone(), r.epochsPlanned(), r.bestEpoch(),
                    r.bestValidationAccuracy(), r.testAccuracy(), r.testLoss(), r.errorMessage(),
                    r.trainingEnd().map(TrainingEndJson::of).orElse(null));
        }

        private static String instant(Instant i) {
            return i == null ? null : i.toString();
        }
    }

    /** Null until the run finished; weightsEpoch is the epoch the test evaluation and model file are of. */
    private record TrainingEndJson(boolean stoppedEarly, boolean restoredBestWeights, int weightsEpoch,
                                   String reason, String weights) {

        static TrainingEndJson of(TrainingEnd end) {
            return new TrainingEndJson(end.stoppedEarly(), end.restoredBestWeights(), end.weightsEpoch(),
                    end.stopReason(), end.weightsSource());
        }
    }

    private record EnvironmentJson(Map<String, String> softwareVersions, Map<String, String> datasetChecksums) {
    }

    private record EvaluationJson(double accuracy, double loss, int[][] confusion, List<ClassJson> perClass,
                                  List<Misclassified> misclassified) {

        static EvaluationJson of(Evaluation ev, DatasetKind dataset) {
            return new EvaluationJson(ev.accuracy(), ev.loss(), ev.confusion(),
                    ev.perClass().stream().map(c -> ClassJson.of(c, dataset)).toList(), ev.misclassified());
        }
    }

    /** {@link ClassMetrics} with the class's name, so a reader need not know the dataset's labels. */
    private record ClassJson(int label, String className, double precision, double recall, double f1, int support) {

        static ClassJson of(ClassMetrics c, DatasetKind dataset) {
            return new ClassJson(c.label(), dataset == null ? String.valueOf(c.label()) : dataset.className(c.label()),
                    c.precision(), c.recall(), c.f1(), c.support());
        }
    }

    /** NaN and infinities are not JSON: they mean "no value" here (no validation split, not evaluated). */
    private static final class NonFiniteAsNull extends StdSerializer<Double> {
        static final NonFiniteAsNull INSTANCE = new NonFiniteAsNull();

        private NonFiniteAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (value.isNaN() || value.isInfinite()) {
                out.writeNull();
            } else {
                out.writeNumber(value);
            }
        }
    }

    private static String csvNumber(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : RunSetting.decimal(v);
    }
}
