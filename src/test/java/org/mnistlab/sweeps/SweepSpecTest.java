package org.mnistlab.sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;

class SweepSpecTest {

    private static final RunConfig MLP = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST);

    private static SweepSpec grid(SweptSetting... swept) {
        return new SweepSpec("", MLP, List.of(swept), SweepStrategy.GRID, 0, 1, null);
    }

    private static SweepSpec random(int trials, SweptSetting... swept) {
        return new SweepSpec("", MLP, List.of(swept), SweepStrategy.RANDOM, trials, 7, null);
    }

    private static Map<String, String> messages(SweepSpec spec) {
        return spec.validate().stream().collect(Collectors.toMap(SweepProblem::field, SweepProblem::message,
                (a, b) -> a + " | " + b));
    }

    @Test
    void grid_has_one_trial_per_combination() {
        SweepSpec spec = grid(SweptSetting.parse(RunSetting.LEARNING_RATE, "1e-4..1e-2:log:3"),
                SweptSetting.parse(RunSetting.DENSE_DROPOUT, "0,0.2,0.5,0.6"));
        List<RunConfig> trials = spec.trialConfigs();
        assertThat(spec.trialCount()).isEqualTo(12);
        assertThat(trials).hasSize(12);
        assertThat(trials).extracting(RunConfig::learningRate).containsOnly(1e-4, 1e-3, 1e-2);
        assertThat(trials.stream().map(c -> c.learningRate() + "/" + c.denseDropout()).distinct()).hasSize(12);
        assertThat(trials.get(0).name()).endsWith("· trial 1");
        assertThat(trials.get(0).hiddenLayers()).isEqualTo(MLP.hiddenLayers());
    }

    @Test
    void linear_range_spaces_points_evenly() {
        assertThat(SweptSetting.parse(RunSetting.DENSE_DROPOUT, "0..0.6:4").gridValues())
                .satisfiesExactly(v -> assertThat(v.doubleValue()).isEqualTo(0.0),
                        v -> assertThat(v.doubleValue()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12)),
                        v -> assertThat(v.doubleValue()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12)),
                        v -> assertThat(v.doubleValue()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12)));
    }

    @Test
    void log_range_spaces_points_by_ratio() {
        List<Number> points = SweptSetting.parse(RunSetting.LEARNING_RATE, "1e-4..1e-1:log:4").gridValues();
        assertThat(points).hasSize(4);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).doubleValue() / points.get(i - 1).doubleValue())
                    .isCloseTo(10, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void integer_settings_stay_integers_and_rounding_merges_points() {
        SweptSetting batch = SweptSetting.parse(RunSetting.BATCH_SIZE, "16..256:log:5");
        assertThat(batch.gridValues()).containsExactly(16, 32, 64, 128, 256);
        assertThat(SweptSetting.parse(RunSetting.BATCH_SIZE, "1..3:lin:5").gridValues()).containsExactly(1, 2, 3);
        SweepSpec spec = random(20, SweptSetting.parse(RunSetting.BATCH_SIZE, "16..300:log"));
        assertThat(spec.trialConfigs()).extracting(RunConfig::batchSize).allMatch(b -> b >= 16 && b <= 300);
    }

    @Test
    void random_search_draws_its_count_from_the_range_reproducibly() {
        SweepSpec spec = random(12, SweptSetting.parse(RunSetting.LEARNING_RATE, "1e-4..1e-2:log"),
                SweptSetting.parse(RunSetting.DENSE_DROPOUT, "0,0.2,0.5"));
        List<RunConfig> trials = spec.trialConfigs();
        assertThat(trials).hasSize(12);
        assertThat(trials).extracting(RunConfig::learningRate).allMatch(lr -> lr >= 1e-4 && lr <= 1e-2);
        assertThat(trials).extracting(RunConfig::denseDropout).allMatch(d -> List.of(0.0, 0.2, 0.5).contains(d));
        assertThat(trials).isEqualTo(spec.trialConfigs());
        assertThat(trials.stream().map(RunConfig::learningRate).distinct()).hasSize(12);
    }

    @Test
    void random_log_range_spreads_over_decades() {
        SweepSpec spec = random(200, SweptSetting.parse(RunSetting.LEARNING_RATE, "1e-5..1e-1:log"));
        long lowestDecade = spec.trialConfigs().stream().filter(c -> c.learningRate() < 1e-4).count();
        // uniform in the logarithm: about a quarter in each of the four decades, not 0.1 % as a linear draw gives
        assertThat(lowestDecade).isBetween(25L, 75L);
    }

    @Test
    void rejects_more_than_200_trials() {
        assertThat(messages(grid(SweptSetting.parse(RunSetting.LEARNING_RATE, "1e-4..1e-2:log:15"),
                SweptSetting.parse(RunSetting.L2, "0..1e-3:15"))))
                .containsEntry(SweepProblem.TRIALS, "This grid has 225 trials; at most 200 (fewer values or points per range)");
        assertThat(messages(random(201, SweptSetting.parse(RunSetting.LEARNING_RATE, "0.001,0.01"))))
                .containsEntry(SweepProblem.TRIALS, "A random search needs 1 to 200 trials");
    }

    @Test
    void rejects_empty_list() {
        assertThat(messages(grid(SweptSetting.parse(RunSetting.DENSE_DROPOUT, " "))))
                .containsEntry("denseDropout", "Give at least one value");
    }

    @Test
    void rejects_range_with_low_above_high() {
        assertThat(messages(grid(SweptSetting.parse(RunSetting.DENSE_DROPOUT, "0.5..0.1"))))
                .containsEntry("denseDropout", "The low end (0.5) is above the high end (0.1)");
    }

    @Test
    void rejects_log_range_touching_zero() {
        assertThat(messages(grid(SweptSetting.parse(RunSetting.L2, "0..1e-3:log"))))
                .containsEntry("l2", "A log range must stay above zero; its low end is 0");
    }

    @Test
    void rejects_values_the_setting_refuses() {
        assertThat(messages(grid(SweptSetting.parse(RunSetting.DENSE_DROPOUT, "0.2,1.5"))))
                .containsEntry("denseDropout", "1.5: Dropout must be at least 0 and below 1");
    }

    @Test
    void rejects_settings_that_cannot_be_swept_or_do_not_apply() {
        assertThat(messages(grid(SweptSetting.parse(RunSetting.EPOCHS, "1,2"))))
                .containsEntry("epochs", "Epochs cannot be swept");
        assertThat(MLP.optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(messages(grid(SweptSetting.parse(RunSetting.MOMENTUM, "0.5,0.9"))))
                .containsEntry("momentum", "Momentum does not apply to this configuration (SGD and Nesterov only)");
        assertThat(messages(grid(SweptSetting.parse(RunSetting.CONV_DROPOUT, "0.1,0.2"))).get("convDropout"))
                .startsWith("Conv dropout does not apply");
    }

    @Test
    void rejects_no_setting_and_more_than_four() {
        assertThat(messages(grid())).containsEntry(SweepProblem.SETTINGS, "Sweep 1 to 4 settings");
        assertThat(messages(grid(SweptSetting.parse(RunSetting.L1, "0"), SweptSetting.parse(RunSetting.L2, "0"),
                SweptSetting.parse(RunSetting.LEARNING_RATE, "0.001"), SweptSetting.parse(RunSetting.DENSE_DROPOUT, "0"),
                SweptSetting.parse(RunSetting.BATCH_SIZE, "32")))).containsKey(SweepProblem.SETTINGS);
    }

    @Test
    void rejects_asha_rungs_outside_the_epochs() {
        SweepSpec spec = new SweepSpec("", MLP.toBuilder().epochs(4).build(),
                List.of(SweptSetting.parse(RunSetting.L2, "0,1e-4")), SweepStrategy.GRID, 0, 1,
                new AshaPolicy(List.of(4), 0.5));
        assertThat(messages(spec)).containsEntry(SweepProblem.ASHA, "Rung epochs must be between 1 and 3 (before the last epoch)");
    }

    @Test
    void a_valid_sweep_has_no_problems() {
        assertThat(grid(SweptSetting.parse(RunSetting.LEARNING_RATE, "1e-4..1e-2:log")).validate()).isEmpty();
    }

    @Test
    void parse_explains_malformed_text() {
        assertThatThrownBy(() -> SweptSetting.parse(RunSetting.L2, "a,b"))
                .hasMessage("'a' is not a number");
        assertThatThrownBy(() -> SweptSetting.parse(RunSetting.L2, "0..1:cubic"))
                .hasMessage("'cubic' is neither log, lin nor a point count");
    }
}
