package org.mnistlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunReport;

class MetricsExportTest {

    private final MetricsExport export = new MetricsExport();
    private final RunRecord run = RunFixtures.finished(12, "Simple CNN · MNIST", RunFixtures.mlp().toBuilder().epochs(3).build());
    private final RunReport report = new RunReport(run, RunFixtures.epochs(), RunFixtures.evaluation());

    @Test
    void csv_has_a_header_and_one_row_per_epoch_with_plain_numbers() {
        List<String> lines = export.csv(report).lines().toList();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(
                "run_id,epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate,duration_ms,"
                        + "images_per_second,model_weights,stopped_early");
        assertThat(lines.get(1)).isEqualTo("12,1,0.35,0.9,0.2,0.94,0.001,30000,1800.5,false,false");
        assertThat(lines.get(2)).isEqualTo("12,2,0.12,0.965,0.1,0.975,0.001,29500,1830.25,false,false");
    }

    @Test
    void csv_leaves_missing_validation_values_empty() {
        String third = export.csv(report).lines().toList().get(3);

        assertThat(third).isEqualTo("12,3,0.08,0.976,,,0.0005,31000,1790,true,false");
        assertThat(third.split(",", -1)).hasSize(MetricsExport.CSV_COLUMNS.size());
        assertThat(export.csv(report)).doesNotContain("NaN");
    }

    @Test
    void csv_marks_the_epoch_early_stopping_ended_at_and_the_restored_best_epoch_whose_weights_were_kept() {
        RunRecord early = RunFixtures.finished(12, "early", RunFixtures.mlp().toBuilder().epochs(10)
                .earlyStoppingPatience(1).build(), 3, true, true);
        List<String> lines = export.csv(new RunReport(early, RunFixtures.epochs(), null)).lines().toList();

        assertThat(lines.get(1)).endsWith(",false,false");
        assertThat(lines.get(2)).endsWith(",1830.25,true,false");
        assertThat(lines.get(3)).endsWith(",1790,false,true");
    }

    @Test
    void csv_of_an_unfinished_run_leaves_weights_and_early_stop_empty() {
        RunRecord f = RunFixtures.finished(12, "running", RunFixtures.mlp());
        RunRecord running = new RunRecord(f.id(), f.name(), f.config(), org.mnistlab.training.RunStatus.RUNNING,
                f.createdAt(), f.startedAt(), null, f.parameterCount(), 1, 1, 0.94, null, null, null,
                f.softwareVersions(), f.datasetChecksums(), null, f.images(), null, null);

        assertThat(export.csv(new RunReport(running, RunFixtures.epochs().subList(0, 1), null)).lines().toList()
                .get(1)).endsWith(",1800.5,,");
    }

    @Test
    void json_says_early_stopping_ended_the_run_and_whose_weights_the_test_evaluation_used() throws Exception {
        RunRecord early = RunFixtures.finished(12, "early", RunFixtures.mlp().toBuilder().epochs(10)
                .earlyStoppingPatience(1).build(), 3, true, true);
        JsonNode end = new ObjectMapper().readTree(export.json(new RunReport(early, RunFixtures.epochs(), null)))
                .get("run").get("trainingEnd");

        assertThat(end.get("stoppedEarly").asBoolean()).isTrue();
        assertThat(end.get("restoredBestWeights").asBoolean()).isTrue();
        assertThat(end.get("weightsEpoch").asInt()).isEqualTo(2);
        assertThat(end.get("reason").asText()).isEqualTo("Stopped early after epoch 3 of 10: validation loss did"
                + " not improve for 1 epoch after epoch 2 (patience 1).");
        assertThat(end.get("weights").asText()).isEqualTo("Test evaluation and model file: weights of epoch 2,"
                + " the best epoch (restored after training to epoch 3).");
    }

    @Test
    void csv_of_a_run_without_epochs_is_only_the_header() {
        RunReport empty = new RunReport(run, List.of(), null);

        assertThat(export.csv(empty)).isEqualTo(String.join(",", MetricsExport.CSV_COLUMNS) + "\n");
    }

    @Test
    void json_holds_run_config_environment_epochs_and_evaluation() throws Exception {
        JsonNode json = new ObjectMapper().readTree(export.json(report));

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("run", "config", "environment", "epochs", "evaluation");
        JsonNode r = json.get("run");
        assertThat(r.get("id").asLong()).isEqualTo(12);
        assertThat(r.get("name").asText()).isEqualTo("Simple CNN · MNIST");
        assertThat(r.get("status").asText()).isEqualTo("FINISHED");
        assertThat(r.get("dataset").asText()).isEqualTo("mnist");
        assertThat(r.get("architecture").asText()).isEqualTo("mlp");
        assertThat(r.get("durationMillis").asLong()).isEqualTo(90_000);
        assertThat(r.get("testAccuracy").asDouble()).isEqualTo(0.9731);
        assertThat(r.get("bestEpoch").asInt()).isEqualTo(2);
        assertThat(r.get("createdAt").asText()).isEqualTo("2025-01-02T10:00:00Z");
        assertThat(r.get("errorMessage").isNull()).isTrue();

        JsonNode config = json.get("config");
        assertThat(config.get("learningRate").asDouble()).isEqualTo(0.001);
        assertThat(config.get("epochs").asInt()).isEqualTo(3);
        assertThat(config.get("optimizer").asText()).isEqualTo("ADAM");
        assertThat(config.get("hiddenLayers").get(0).asInt()).isEqualTo(128);
        assertThat(config.get("augmentation").get("maxRotationDegrees").asDouble()).isZero();

        assertThat(json.get("environment").get("softwareVersions").get("dl4j").asText()).isEqualTo("1.0.0-M2.1");
        assertThat(json.get("environment").get("datasetChecksums").get("t10k-images-idx3-ubyte.gz").asText())
                .isEqualTo("9fb629c4189551a2d022fa330f9573f3");
    }

    @Test
    void json_epochs_use_null_for_missing_validation() throws Exception {
        JsonNode epochs = new ObjectMapper().readTree(export.json(report)).get("epochs");

        assertThat(epochs).hasSize(3);
        assertThat(epochs.get(1).get("epoch").asInt()).isEqualTo(2);
        assertThat(epochs.get(1).get("validationAccuracy").asDouble()).isEqualTo(0.975);
        assertThat(epochs.get(1).get("durationMillis").asLong()).isEqualTo(29_500);
        assertThat(epochs.get(2).get("validationLoss").isNull()).isTrue();
        assertThat(epochs.get(2).get("validationAccuracy").isNull()).isTrue();
        assertThat(export.json(report)).doesNotContain("NaN");
    }

    @Test
    void json_evaluation_has_confusion_per_class_and_misclassified() throws Exception {
        JsonNode ev = new ObjectMapper().readTree(export.json(report)).get("evaluation");

        assertThat(ev.get("accuracy").asDouble()).isEqualTo(0.9731);
        assertThat(ev.get("confusion")).hasSize(10);
        assertThat(ev.get("confusion").get(4).get(9).asInt()).isEqualTo(3);
        assertThat(ev.get("confusion").get(4).get(4).asInt()).isEqualTo(95);
        JsonNode seven = ev.get("perClass").get(7);
        assertThat(seven.get("label").asInt()).isEqualTo(7);
        assertThat(seven.get("className").asText()).isEqualTo("7");
        assertThat(seven.get("f1").asDouble()).isEqualTo(0.965);
        assertThat(seven.get("support").asInt()).isEqualTo(98);
        JsonNode first = ev.get("misclassified").get(0);
        assertThat(first.get("testIndex").asInt()).isEqualTo(115);
        assertThat(first.get("trueLabel").asInt()).isEqualTo(4);
        assertThat(first.get("predictedLabel").asInt()).isEqualTo(9);
        assertThat(first.get("confidence").asDouble()).isEqualTo(0.993);
    }

    @Test
    void json_of_an_unevaluated_run_has_null_evaluation() throws Exception {
        JsonNode json = new ObjectMapper().readTree(export.json(new RunReport(run, List.of(), null)));

        assertThat(json.get("evaluation").isNull()).isTrue();
        assertThat(json.get("epochs")).isEmpty();
    }

    @Test
    void file_stem_is_a_safe_slug_of_id_and_name() {
        assertThat(MetricsExport.fileStem(run)).isEqualTo("run-12-simple-cnn-mnist");
    }
}
