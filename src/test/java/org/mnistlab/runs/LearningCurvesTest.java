package org.mnistlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.training.EpochMetrics;

class LearningCurvesTest {

    private static EpochMetrics epoch(int n, double trainLoss, double valLoss, double valAcc) {
        return new EpochMetrics(n, trainLoss, 0.9, valLoss, valAcc, 0.001, 1000, 1000);
    }

    @Test
    void best_epoch_is_the_highest_validation_accuracy_earliest_on_ties() {
        List<EpochMetrics> epochs = List.of(epoch(1, 0.5, 0.4, 0.90), epoch(2, 0.3, 0.3, 0.95),
                epoch(3, 0.2, 0.35, 0.95), epoch(4, 0.1, 0.5, 0.93));

        assertThat(LearningCurves.bestByValidationAccuracy(epochs)).contains(2);
    }

    @Test
    void no_best_epoch_without_validation() {
        assertThat(LearningCurves.bestByValidationAccuracy(List.of(epoch(1, 0.5, Double.NaN, Double.NaN))))
                .isEmpty();
    }

    @Test
    void overfitting_starts_after_the_validation_loss_minimum_when_it_rises_while_training_loss_falls() {
        List<EpochMetrics> epochs = List.of(epoch(1, 0.5, 0.40, 0.9), epoch(2, 0.3, 0.30, 0.95),
                epoch(3, 0.2, 0.33, 0.95), epoch(4, 0.1, 0.45, 0.93));

        assertThat(LearningCurves.overfittingStart(epochs)).contains(3);
    }

    @Test
    void still_improving_or_flat_curves_are_not_overfitting() {
        List<EpochMetrics> improving = List.of(epoch(1, 0.5, 0.40, 0.9), epoch(2, 0.3, 0.30, 0.95));
        List<EpochMetrics> flat = List.of(epoch(1, 0.5, 0.40, 0.9), epoch(2, 0.3, 0.30, 0.95),
                epoch(3, 0.25, 0.301, 0.95));

        assertThat(LearningCurves.overfittingStart(improving)).isEmpty();
        assertThat(LearningCurves.overfittingStart(flat)).isEmpty();
        assertThat(LearningCurves.overfittingStart(List.of())).isEmpty();
    }
}
