package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;

class TimeToAccuracyTest {

    private static EpochMetrics epoch(int n, double validationAccuracy, long millis) {
        return new EpochMetrics(n, 0.1, 0.99, 0.1, validationAccuracy, 0.001, millis, 1000);
    }

    @Test
    void records_the_first_epoch_and_summed_seconds_at_which_each_mnist_target_was_reached() {
        TimeToAccuracy times = TimeToAccuracy.of(DatasetKind.MNIST, List.of(epoch(1, 0.985, 30_000),
                epoch(2, 5958 / 6000.0, 31_000), epoch(3, 0.992, 29_500), epoch(4, 0.9951, 30_500)));
        assertThat(times.reached()).containsExactly(
                new TimeToAccuracy.Reached(0.990, 2, 61.0),
                new TimeToAccuracy.Reached(0.993, 2, 61.0), // 5958 / 6000 is 99.3 % though the double falls short
                new TimeToAccuracy.Reached(0.995, 4, 121.0));
    }

    @Test
    void targets_not_reached_or_without_validation_stay_empty() {
        TimeToAccuracy times = TimeToAccuracy.of(DatasetKind.FASHION_MNIST, List.of(epoch(1, Double.NaN, 1_000),
                epoch(2, 0.86, 1_000), epoch(3, 0.91, 1_000)));
        assertThat(times.get(0)).isEqualTo(new TimeToAccuracy.Reached(0.85, 2, 2.0));
        assertThat(times.get(1)).isEqualTo(new TimeToAccuracy.Reached(0.90, 3, 3.0));
        assertThat(times.get(2).isReached()).isFalse();
        assertThat(times.get(2).seconds()).isNull();
    }
}
