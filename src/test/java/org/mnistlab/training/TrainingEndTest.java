package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingEndTest {

    @Test
    void a_run_that_trained_every_epoch_says_so_in_plain_words() {
        assertThat(new TrainingEnd(1, 1, false, 0, 1, false).stopReason()).isEqualTo("Trained its one epoch.");
        assertThat(new TrainingEnd(5, 5, false, 0, 3, false).stopReason()).isEqualTo("Trained all 5 epochs.");
    }

    @Test
    void an_early_stop_names_the_epochs_without_improvement_and_the_weights_kept() {
        TrainingEnd end = new TrainingEnd(7, 15, true, 3, 4, true);
        assertThat(end.stopReason()).isEqualTo("Stopped early after epoch 7 of 15: validation loss did not improve"
                + " for 3 epochs after epoch 4 (patience 3).");
        assertThat(end.weightsEpoch()).isEqualTo(4);
    }
}
