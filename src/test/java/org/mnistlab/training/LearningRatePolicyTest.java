package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LearningRatePolicyTest {

    @Test
    void without_a_schedule_the_rate_stays() {
        LearningRatePolicy policy = new LearningRatePolicy(0.01, LrSchedule.NONE);
        for (int epoch = 1; epoch <= 5; epoch++) {
            assertThat(policy.rateFor(epoch)).isEqualTo(0.01);
            policy.epochEnded(1.0);
        }
    }

    @Test
    void step_halves_the_rate_every_two_epochs() {
        LearningRatePolicy policy = new LearningRatePolicy(0.1, new LrSchedule(LrSchedule.Type.STEP, 0.5, 2, 0));
        assertThat(policy.rateFor(1)).isEqualTo(0.1);
        assertThat(policy.rateFor(2)).isEqualTo(0.1);
        assertThat(policy.rateFor(3)).isEqualTo(0.05);
        assertThat(policy.rateFor(5)).isEqualTo(0.025);
    }

    @Test
    void plateau_reduces_after_patience_epochs_without_a_better_validation_loss() {
        LearningRatePolicy policy = new LearningRatePolicy(0.1, new LrSchedule(LrSchedule.Type.PLATEAU, 0.5, 5, 2));
        double[] losses = {1.0, 0.8, 0.8, 0.79999, 0.7, 0.9, 0.9, 0.9};
        double[] expected = {0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025};
        for (int i = 0; i < losses.length; i++) {
            assertThat(policy.rateFor(i + 1)).as("epoch " + (i + 1)).isEqualTo(expected[i]);
            policy.epochEnded(losses[i]);
        }
    }
}
