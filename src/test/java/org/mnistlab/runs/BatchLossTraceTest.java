package org.mnistlab.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.training.BatchProgress;

class BatchLossTraceTest {

    private static BatchProgress training(int epoch, int batch, double runningMean) {
        return new BatchProgress(1, BatchProgress.Phase.TRAINING, epoch, 3, batch, 100, runningMean, 1000, 0, 0);
    }

    @Test
    void a_point_is_the_mean_of_the_batches_since_the_previous_report_not_of_the_epoch() {
        BatchLossTrace trace = new BatchLossTrace();
        // batches 1-10 at loss 1.0, batches 11-20 at loss 3.0 (a spike): the running mean says 2.0
        trace.add(training(1, 10, 1.0));
        BatchLossTrace.Point spike = trace.add(training(1, 20, 2.0)).orElseThrow();
        assertThat(spike.loss()).isCloseTo(3.0, within(1e-9));
        assertThat(spike.position()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void continues_across_epochs_without_restarting_the_mean() {
        BatchLossTrace trace = new BatchLossTrace();
        trace.add(training(1, 50, 2.0));
        BatchLossTrace.Point next = trace.add(training(2, 10, 0.5)).orElseThrow();
        assertThat(next.loss()).isEqualTo(0.5);
        assertThat(next.position()).isCloseTo(1.1, within(1e-9));
        assertThat(trace.points()).hasSize(2);
    }

    @Test
    void ignores_other_phases_repeats_and_missing_losses() {
        BatchLossTrace trace = new BatchLossTrace();
        trace.add(training(1, 10, 1.0));
        assertThat(trace.add(training(1, 10, 1.0))).isEmpty();
        assertThat(trace.add(new BatchProgress(1, BatchProgress.Phase.VALIDATING, 1, 3, 5, 9, Double.NaN, 1, 0, 0)))
                .isEmpty();
        assertThat(trace.add(training(1, 12, Double.NaN))).isEmpty();
        assertThat(trace.size()).isEqualTo(1);
    }

    @Test
    void smoothing_is_tensorboards_debiased_moving_average() {
        assertThat(BatchLossTrace.smooth(List.of(1.0, 2.0, 3.0), 0)).containsExactly(1.0, 2.0, 3.0);
        List<Double> smoothed = BatchLossTrace.smooth(List.of(4.0, 4.0, 10.0), 0.5);
        assertThat(smoothed.get(0)).as("debiased: not pulled towards zero").isCloseTo(4.0, within(1e-9));
        assertThat(smoothed.get(1)).isCloseTo(4.0, within(1e-9));
        // biased: 2, 3, 6.5; debiased by 1 - 0.5^3 = 0.875
        assertThat(smoothed.get(2)).isCloseTo(6.5 / 0.875, within(1e-9));
    }
}
