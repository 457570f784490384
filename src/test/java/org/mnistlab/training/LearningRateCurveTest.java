package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;

class LearningRateCurveTest {

    /** 10 batches per epoch, 4 epochs: 40 batches. */
    private static final int BATCHES = 10;

    private static RunConfig config(LrSchedule schedule) {
        return RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().learningRate(0.001).epochs(4)
                .lrSchedule(schedule).build();
    }

    private static LearningRateCurve curve(LrSchedule schedule) {
        return LearningRateCurve.of(config(schedule), BATCHES);
    }

    @Test
    void constant_rate_is_the_learning_rate_at_every_batch() {
        LearningRateCurve none = curve(LrSchedule.NONE);
        assertThat(none.rate(0)).isEqualTo(0.001);
        assertThat(none.rate(39)).isEqualTo(0.001);
    }

    @Test
    void one_cycle_rises_to_the_peak_at_the_end_of_the_warm_up_then_falls_to_a_hundredth() {
        LearningRateCurve oneCycle = curve(LrSchedule.oneCycle(0.01, 1));
        assertThat(oneCycle.rate(0)).isCloseTo(0.001, within(1e-12));
        assertThat(oneCycle.rate(5)).isCloseTo(0.0055, within(1e-12)); // half way up the half cosine
        assertThat(oneCycle.rate(10)).isCloseTo(0.01, within(1e-12));
        // half way down (batch 24.5 of 10..39): between the peak and the end
        assertThat(oneCycle.rate(24)).isBetween(0.005, 0.0055);
        assertThat(oneCycle.rate(39)).isCloseTo(0.00001, within(1e-12));
        assertThat(oneCycle.rate(1000)).isCloseTo(0.00001, within(1e-12));
    }

    @Test
    void cosine_warms_up_linearly_then_anneals_to_zero() {
        LearningRateCurve cosine = curve(LrSchedule.cosine(0.5));
        assertThat(cosine.rate(0)).isCloseTo(0.0002, within(1e-12));
        assertThat(cosine.rate(4)).isCloseTo(0.001, within(1e-12));
        assertThat(cosine.rate(5)).isCloseTo(0.001, within(1e-12));
        assertThat(cosine.rate(5 + 35 / 2)).isCloseTo(0.001 * (1 + Math.cos(Math.PI * 17 / 35)) / 2, within(1e-12));
        assertThat(cosine.rate(39)).isCloseTo(0.001 * (1 + Math.cos(Math.PI * 34 / 35)) / 2, within(1e-12));
    }

    @Test
    void the_dl4j_schedule_gives_the_curve_at_the_network_iteration() {
        LearningRateCurve curve = curve(LrSchedule.oneCycle(0.01, 1));
        BatchSchedule schedule = curve.asSchedule();
        for (int i : new int[] {0, 3, 10, 27, 39}) {
            assertThat(schedule.valueAt(i, 0)).isEqualTo(curve.rate(i));
        }
        assertThat(schedule.clone()).isEqualTo(schedule);
    }

    @Test
    void the_epoch_rate_of_a_per_batch_schedule_is_its_first_batch() {
        LearningRatePolicy policy = new LearningRatePolicy(config(LrSchedule.oneCycle(0.01, 1)), BATCHES);
        assertThat(policy.batchSchedule()).isPresent();
        assertThat(policy.rateFor(2)).isCloseTo(0.01, within(1e-12));
        assertThat(new LearningRatePolicy(config(LrSchedule.step(0.5, 1)), BATCHES).batchSchedule()).isEmpty();
    }

    @Test
    void the_preview_draws_steps_at_epoch_boundaries_and_ends_at_the_last_batch() {
        List<double[]> step = LearningRateCurve.preview(config(LrSchedule.step(0.5, 2)), BATCHES, 2);
        assertThat(step).hasSize(4 * 2 + 1);
        assertThat(step.get(0)).containsExactly(0, 0.001);
        assertThat(step.get(4)).containsExactly(2, 0.0005);
        assertThat(step.get(8)).containsExactly(4, 0.0005);
        List<double[]> oneCycle = LearningRateCurve.preview(config(LrSchedule.oneCycle(0.01, 1)), BATCHES, 5);
        assertThat(oneCycle.get(5)[1]).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void preview_assumes_the_training_images_the_validation_split_leaves() {
        RunConfig config = config(LrSchedule.NONE).toBuilder().batchSize(128).validationFraction(0.1).build();
        assertThat(LearningRateCurve.batchesPerEpoch(config)).isEqualTo(422); // 54,000 / 128
        assertThat(LearningRateCurve.batchesPerEpoch(config.toBuilder().trainSubset(1_000).build())).isEqualTo(8);
    }
}
