package org.mnistlab.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;

class SweepBudgetTest {

    private final SweepSpec spec = new SweepSpec("", RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST)
            .toBuilder().epochs(2).trainSubset(2000).build(),
            List.of(SweptSetting.parse(RunSetting.L2, "0,1e-4,1e-3")), SweepStrategy.GRID, 0, 1, null);

    @Test
    void budget_is_trials_times_epochs_at_measured_throughput() {
        SweepBudget budget = SweepBudget.of(spec, OptionalDouble.of(1000));
        assertThat(budget.totalEpochs()).isEqualTo(6);
        assertThat(budget.estimate()).isEqualTo(Duration.ofSeconds(12));
        assertThat(budget.describe()).isEqualTo("3 trials x 2 epochs = 6 epochs, about 12 s at 1,000 images/s measured for this model");
    }

    @Test
    void without_a_measurement_says_so() {
        SweepBudget budget = SweepBudget.of(spec, OptionalDouble.empty());
        assertThat(budget.estimate()).isNull();
        assertThat(budget.describe()).contains("no time estimate yet");
    }
}
