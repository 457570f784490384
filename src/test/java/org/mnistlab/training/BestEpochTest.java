package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BestEpochTest {

    private static EpochMetrics epoch(int n, double validationLoss, double validationAccuracy) {
        return new EpochMetrics(n, 0.1, 0.99, validationLoss, validationAccuracy, 0.001, 1000, 5000);
    }

    @Test
    void is_the_epoch_with_the_lowest_validation_loss_and_the_first_of_equals() {
        BestEpoch best = BestEpoch.of(List.of(epoch(1, 0.3, 0.90), epoch(2, 0.2, 0.94), epoch(3, 0.2, 0.95),
                epoch(4, 0.25, 0.96)));

        assertThat(best).isEqualTo(new BestEpoch(2, 0.2, 0.94));
        assertThat(best.exists()).isTrue();
    }

    @Test
    void epochs_without_validation_loss_never_qualify() {
        double nan = Double.NaN;

        assertThat(BestEpoch.of(List.of(epoch(1, nan, nan), epoch(2, nan, nan)))).isEqualTo(BestEpoch.NONE);
        assertThat(BestEpoch.of(List.of(epoch(1, nan, nan), epoch(2, 0.4, 0.9), epoch(3, nan, nan))).epoch())
                .isEqualTo(2);
        assertThat(BestEpoch.of(List.of()).exists()).isFalse();
    }

    @Test
    void or_better_keeps_this_epoch_unless_the_next_is_lower() {
        BestEpoch first = BestEpoch.NONE.orBetter(epoch(1, 0.5, 0.8));

        assertThat(first).isEqualTo(new BestEpoch(1, 0.5, 0.8));
        assertThat(first.orBetter(epoch(2, 0.6, 0.85))).isSameAs(first);
        assertThat(first.orBetter(epoch(2, 0.4, 0.85))).isEqualTo(new BestEpoch(2, 0.4, 0.85));
    }
}
