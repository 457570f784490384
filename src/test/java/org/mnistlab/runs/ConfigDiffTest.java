package org.mnistlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.Augmentation;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;

class ConfigDiffTest {

    private static RunConfig with(RunConfig c, OptimizerKind optimizer, double lr, double momentum, LrSchedule schedule) {
        return c.toBuilder().optimizer(optimizer).learningRate(lr).momentum(momentum).lrSchedule(schedule).build();
    }

    @Test
    void identical_configs_have_no_differing_rows_even_with_other_names() {
        RunConfig a = RunFixtures.mlp().toBuilder().name("first").build();
        RunConfig b = RunFixtures.mlp().toBuilder().name("second").build();

        ConfigDiff diff = ConfigDiff.of(List.of(a, b));

        assertThat(diff.identical()).isTrue();
        assertThat(diff.differing()).isEmpty();
        assertThat(diff.rows()).extracting(ConfigDiff.Row::key).doesNotContain("name")
                .contains("learningRate", "seed", "trainSubset", "augmentation.zoomRange");
    }

    @Test
    void reports_each_differing_setting_with_one_value_per_run_in_order() {
        RunConfig a = RunFixtures.mlp();
        RunConfig b = a.toBuilder().epochs(3).trainSubset(1000).build();
        RunConfig c = a.toBuilder().augmentation(new Augmentation(10, 2, 0)).build();

        ConfigDiff diff = ConfigDiff.of(List.of(a, b, c));

        assertThat(diff.differing()).extracting(ConfigDiff.Row::key).containsExactly("epochs",
                "augmentation.maxRotationDegrees", "augmentation.maxShiftPixels", "trainSubset");
        ConfigDiff.Row epochs = diff.differing().get(0);
        assertThat(epochs.label()).isEqualTo("Epochs");
        assertThat(epochs.values()).containsExactly("10", "3", "10");
        assertThat(diff.differing().get(3).values()).containsExactly("all", "1000", "all");
        assertThat(diff.rows()).hasSizeGreaterThan(diff.differing().size());
    }

    @Test
    void formats_numbers_plainly() {
        RunConfig a = with(RunFixtures.mlp(), OptimizerKind.ADAM, 0.001, 0.9, LrSchedule.NONE);
        RunConfig b = with(RunFixtures.mlp(), OptimizerKind.ADAM, 1e-4, 0.9, LrSchedule.NONE);

        ConfigDiff.Row lr = ConfigDiff.of(List.of(a, b)).differing().get(0);

        assertThat(lr.key()).isEqualTo("learningRate");
        assertThat(lr.values()).containsExactly("0.001", "0.0001");
    }

    @Test
    void ignores_settings_that_neither_run_uses() {
        // Adam ignores momentum; neither run has an LR schedule, so its factor does not matter.
        RunConfig a = with(RunFixtures.mlp(), OptimizerKind.ADAM, 0.001, 0.9, LrSchedule.NONE);
        RunConfig b = with(RunFixtures.mlp(), OptimizerKind.ADAM, 0.001, 0.5,
                new LrSchedule(LrSchedule.Type.NONE, 0.1, 3, 2));

        assertThat(ConfigDiff.of(List.of(a, b)).identical()).isTrue();
    }

    @Test
    void a_setting_used_by_one_run_only_shows_as_not_used_for_the_other() {
        RunConfig adam = with(RunFixtures.mlp(), OptimizerKind.ADAM, 0.01, 0.9, LrSchedule.NONE);
        RunConfig sgd = with(RunFixtures.mlp(), OptimizerKind.SGD, 0.01, 0.9, LrSchedule.NONE);

        ConfigDiff diff = ConfigDiff.of(List.of(adam, sgd));

        assertThat(diff.differing()).extracting(ConfigDiff.Row::key).containsExactly("optimizer", "momentum");
        assertThat(diff.differing().get(1).values()).containsExactly(ConfigDiff.NOT_USED, "0.9");
    }

    @Test
    void different_architectures_differ_in_model_and_architecture_specific_settings() {
        RunConfig mlp = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST);
        RunConfig cnn = RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST);

        ConfigDiff diff = ConfigDiff.of(List.of(mlp, cnn));

        assertThat(diff.differing()).extracting(ConfigDiff.Row::key)
                .contains("architecture", "hiddenLayers", "batchSize")
                .doesNotContain("dataset", "seed", "optimizer", "epochs"); // both default to 10 epochs
        ConfigDiff.Row hidden = diff.differing().stream().filter(r -> r.key().equals("hiddenLayers")).findFirst().orElseThrow();
        assertThat(hidden.values()).containsExactly("128", ConfigDiff.NOT_USED);
    }

    @Test
    void a_single_config_differs_in_nothing_and_no_config_gives_no_rows() {
        assertThat(ConfigDiff.of(List.of(RunFixtures.mlp())).differing()).isEmpty();
        assertThat(ConfigDiff.of(List.of()).rows()).isEmpty();
    }
}
