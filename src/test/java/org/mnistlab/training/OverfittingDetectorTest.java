package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverfittingDetectorTest {

    private final OverfittingDetector detector = new OverfittingDetector(2, 0.03);

    /** Epochs from (trainLoss, valLoss) pairs; accuracies close together unless given. */
    private static List<EpochMetrics> curves(double[][] losses) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            epochs.add(new EpochMetrics(i + 1, losses[i][0], 0.95, losses[i][1], 0.945, 0.001, 1000, 5000));
        }
        return epochs;
    }

    private static EpochMetrics epoch(int n, double trainLoss, double trainAcc, double valLoss, double valAcc) {
        return new EpochMetrics(n, trainLoss, trainAcc, valLoss, valAcc, 0.001, 1000, 5000);
    }

    @Test
    void flags_validation_loss_rising_for_two_epochs_while_training_loss_falls() {
        OverfittingReport report = detector.analyze(curves(new double[][] {
                {0.50, 0.40}, {0.30, 0.25}, {0.20, 0.20}, {0.15, 0.22}, {0.10, 0.26}}));

        assertThat(report.overfitting()).isTrue();
        assertThat(report.flaggedEpochs()).containsExactly(5);
        assertThat(report.signals().get(0).kind()).isEqualTo(OverfittingSignal.Kind.VALIDATION_LOSS_RISING);
        assertThat(report.summary()).contains("validation loss has risen for 2 epochs")
                .contains("epoch 3").contains("epoch 5").contains("Best epoch so far: 3");
    }

    @Test
    void one_rising_epoch_is_not_enough() {
        OverfittingReport report = detector.analyze(curves(new double[][] {
                {0.50, 0.40}, {0.30, 0.25}, {0.20, 0.27}, {0.15, 0.21}}));

        assertThat(report.overfitting()).isFalse();
        assertThat(report.summary()).startsWith("No sign of overfitting so far.");
        assertThat(report.bestEpoch()).isEqualTo(4);
    }

    @Test
    void rising_validation_loss_with_rising_training_loss_is_divergence_not_overfitting() {
        OverfittingReport report = detector.analyze(curves(new double[][] {
                {0.50, 0.40}, {0.60, 0.50}, {0.70, 0.60}}));

        assertThat(report.overfitting()).isFalse();
        assertThat(report.bestEpoch()).isEqualTo(1);
    }

    @Test
    void flags_every_epoch_of_a_longer_rising_streak() {
        OverfittingReport report = detector.analyze(curves(new double[][] {
                {0.5, 0.30}, {0.4, 0.31}, {0.3, 0.32}, {0.2, 0.33}, {0.1, 0.34}}));

        assertThat(report.flaggedEpochs()).containsExactly(3, 4, 5);
        assertThat(report.firstFlaggedEpoch()).isEqualTo(3);
        assertThat(report.bestEpoch()).isEqualTo(1);
    }

    @Test
    void patience_sets_how_many_rising_epochs_are_needed() {
        List<EpochMetrics> epochs = curves(new double[][] {{0.5, 0.30}, {0.4, 0.31}, {0.3, 0.32}});

        assertThat(new OverfittingDetector(1, 0.03).analyze(epochs).flaggedEpochs()).containsExactly(2, 3);
        assertThat(new OverfittingDetector(3, 0.03).analyze(epochs).overfitting()).isFalse();
    }

    @Test
    void flags_a_train_validation_accuracy_gap_above_the_threshold() {
        OverfittingReport report = detector.analyze(List.of(
                epoch(1, 0.30, 0.92, 0.28, 0.91),
                epoch(2, 0.10, 0.97, 0.15, 0.95),
                epoch(3, 0.02, 0.995, 0.12, 0.96)));

        assertThat(report.flaggedEpochs()).containsExactly(3);
        OverfittingSignal signal = report.signals().get(0);
        assertThat(signal.kind()).isEqualTo(OverfittingSignal.Kind.ACCURACY_GAP);
        assertThat(signal.message()).contains("epoch 3").contains("3.5 points").contains("99.50 %");
        assertThat(report.bestEpoch()).isEqualTo(3);
    }

    @Test
    void a_gap_exactly_at_the_threshold_is_not_flagged() {
        OverfittingReport report = new OverfittingDetector(2, 0.25).analyze(List.of(epoch(1, 0.3, 0.75, 0.3, 0.5)));

        assertThat(report.overfitting()).isFalse();
    }

    @Test
    void best_epoch_is_the_lowest_validation_loss_and_the_first_of_equals() {
        OverfittingReport report = detector.analyze(curves(new double[][] {
                {0.5, 0.30}, {0.4, 0.20}, {0.3, 0.20}, {0.2, 0.25}}));

        assertThat(report.bestEpoch()).isEqualTo(2);
        assertThat(report.best()).isEqualTo(new BestEpoch(2, 0.20, 0.945));
        assertThat(report.summary()).endsWith("Best epoch so far: 2 (validation loss 0.2000, accuracy 94.50 %).");
    }

    @Test
    void without_a_validation_split_nothing_is_flagged_and_there_is_no_best_epoch() {
        double nan = Double.NaN;
        OverfittingReport report = detector.analyze(List.of(
                epoch(1, 0.5, 0.9, nan, nan), epoch(2, 0.3, 0.99, nan, nan), epoch(3, 0.1, 1.0, nan, nan)));

        assertThat(report.overfitting()).isFalse();
        assertThat(report.bestEpoch()).isZero();
        assertThat(report.summary()).isEqualTo("No sign of overfitting so far.");
    }

    @Test
    void no_epochs_give_an_empty_report() {
        OverfittingReport report = detector.analyze(List.of());

        assertThat(report.overfitting()).isFalse();
        assertThat(report.bestEpoch()).isZero();
        assertThat(report.firstFlaggedEpoch()).isZero();
    }

    @Test
    void rejects_meaningless_settings() {
        assertThatThrownBy(() -> new OverfittingDetector(0, 0.03)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OverfittingDetector(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
