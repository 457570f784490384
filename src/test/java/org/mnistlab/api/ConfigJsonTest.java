package org.mnistlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;

/** Run settings from JSON: defaults plus what is given, by the settings' keys, with per-key messages. */
class ConfigJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    private RunConfig parse(String text) throws Exception {
        return ConfigJson.parse(json.readTree(text));
    }

    @Test
    void a_runs_listed_config_is_accepted_back_unchanged() {
        RunConfig config = RunConfig.defaults(Architecture.REGULARIZED_CNN, DatasetKind.FASHION_MNIST).toBuilder()
                .name("round trip").optimizer(OptimizerKind.NESTEROV).momentum(0.8).seed(123456789012L)
                .maxRotationDegrees(10).zoomRange(0.1).lrSchedule(LrSchedule.oneCycle(0.01, 1.5)).trainSubset(3000)
                .build();

        assertThat(ConfigJson.parse(json.valueToTree(config))).isEqualTo(config);
    }

    @Test
    void settings_not_given_are_the_models_defaults_and_nested_or_dotted_keys_both_work() throws Exception {
        RunConfig config = parse("{\"architecture\": \"mlp\", \"hiddenLayers\": [256, 64], \"lrSchedule.type\": "
                + "\"plateau\", \"augmentation\": {\"maxShiftPixels\": 2}, \"dataset\": \"fashion-mnist\"}");

        assertThat(config).isEqualTo(RunConfig.defaults(Architecture.MLP, DatasetKind.FASHION_MNIST).toBuilder()
                .hiddenLayers(java.util.List.of(256, 64)).scheduleType(LrSchedule.Type.PLATEAU).maxShiftPixels(2)
                .build());
        assertThat(parse("{}")).isEqualTo(RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST));
    }

    @Test
    void each_wrong_value_is_named_by_its_key() {
        assertThatThrownBy(() -> parse("{\"epochs\": 2.5, \"batchNorm\": \"yes\", \"architecture\": \"resnet\","
                + " \"hiddenLayers\": 128, \"colour\": 1}"))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.fields())
                        .containsEntry("epochs", "Expected a whole number")
                        .containsEntry("batchNorm", "Expected true or false")
                        .containsEntry("hiddenLayers", "Expected a list of layer sizes, e.g. [256, 128]")
                        .containsEntry("architecture", "Unknown model 'resnet': use logistic, mlp, cnn, regcnn, lenet5 or compact")
                        .containsKey("colour"));
        assertThatThrownBy(() -> parse("[1, 2]")).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("The body must be a JSON object of run settings");
    }
}
