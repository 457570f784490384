package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverfittingDetectorTest {

    private final OverfittingDetector detector = new OverfittingDetector(2);

    /** Epochs from rows of (train loss, train accuracy, validation loss, validation accuracy). */
    private static List<EpochMetrics> curves(double[][] rows) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            epochs.add(new EpochMetrics(i + 1, rows[i][0], rows[i][1], rows[i][2], rows[i][3], 0.001, 1000, 5000));
        }
        return epochs;
    }

    /**
     * An MLP (hidden 512) on 1,000 images with Adam lr 0.01: training accuracy runs 6 to 12 points ahead of
     * validation accuracy from the first epoch, but validation loss still falls every epoch.
     */
    private static final double[][] MLP_512_ON_1000_IMAGES = {
            {0.620, 0.860, 0.710, 0.800},
            {0.310, 0.920, 0.520, 0.850},
            {0.180, 0.960, 0.470, 0.860},
            {0.100, 0.985, 0.450, 0.870},
            {0.060, 0.995, 0.440, 0.875}};

    /** Validation loss bottoms out at epoch 4 (0.081) and climbs for three epochs while training loss falls. */
    private static final double[][] OVERFITTING_AFTER_EPOCH_4 = {
            {0.350, 0.900, 0.200, 0.940},
            {0.150, 0.955, 0.120, 0.963},
            {0.090, 0.973, 0.095, 0.971},
            {0.060, 0.982, 0.081, 0.976},
            {0.040, 0.988, 0.085, 0.975},
            {0.025, 0.993, 0.089, 0.976},
            {0.015, 0.996, 0.094, 0.974}};

    @Test
    void a_big_accuracy_gap_while_validation_loss_still_falls_is_not_overfitting() {
        List<EpochMetrics> epochs = curves(MLP_512_ON_1000_IMAGES);
        for (int n = 1; n <= epochs.size(); n++) {
            OverfittingReport report = detector.analyze(epochs.subList(0, n));
            assertThat(report.overfitting()).as("after epoch %d", n).isFalse();
            assertThat(report.overfittingEpoch()).isZero();
            assertThat(report.verdict()).startsWith("No sign of overfitting: validation loss is still falling");
        }
    }

    @Test
    void the_generalization_gap_is_reported_as_a_quantity() {
        OverfittingReport report = detector.analyze(curves(MLP_512_ON_1000_IMAGES));
        assertThat(report.gap().epoch()).isEqualTo(5);
        assertThat(report.gap().accuracyGap()).isCloseTo(0.12, offset(1e-9));
        assertThat(report.gap().lossGap()).isCloseTo(0.38, offset(1e-9));
        assertThat(report.summary()).contains("Generalization gap at epoch 5: training accuracy 12.0 points above"
                + " validation accuracy, training loss 0.380 below validation loss.");
    }

    @Test
    void validation_loss_rising_for_the_patience_window_while_training_loss_falls_fires_at_the_window_end() {
        List<EpochMetrics> epochs = curves(OVERFITTING_AFTER_EPOCH_4);
        assertThat(detector.analyze(epochs.subList(0, 4)).overfitting()).isFalse();
        OverfittingReport afterOne = detector.analyze(epochs.subList(0, 5));
        assertThat(afterOne.overfitting()).isFalse();
        assertThat(afterOne.verdict()).startsWith("No overfitting yet: validation loss has not improved for 1 epoch"
                + " since its best at epoch 4 (0.081)");

        OverfittingReport atSix = detector.analyze(epochs.subList(0, 6));
        assertThat(atSix.overfittingEpoch()).isEqualTo(6);

        OverfittingReport report = detector.analyze(epochs);
        assertThat(report.overfitting()).isTrue();
        assertThat(report.overfittingEpoch()).isEqualTo(6);
        assertThat(report.bestEpoch()).isEqualTo(4);
        assertThat(report.verdict()).isEqualTo("Overfitting since epoch 6: validation loss rose for 3 epochs since"
                + " its best at epoch 4 (0.081 → 0.094) while training loss kept falling (0.060 → 0.015);"
                + " validation accuracy fell from 97.60 % to 97.40 %.");
    }

    @Test
    void a_run_whose_last_epoch_is_its_best_is_not_overfitting_even_after_a_bump() {
        OverfittingReport report = detector.analyze(curves(new double[][] {
                {0.50, 0.90, 0.40, 0.90}, {0.30, 0.93, 0.30, 0.92}, {0.25, 0.95, 0.33, 0.91},
                {0.20, 0.96, 0.34, 0.91}, {0.15, 0.97, 0.29, 0.93}}));
        assertThat(report.overfitting()).isFalse();
        assertThat(report.bestEpoch()).isEqualTo(5);
    }

    @Test
    void rising_validation_loss_with_rising_training_loss_is_divergence_not_overfitting() {
        OverfittingReport report = detector.analyze(curves(new double[][] {
                {0.50, 0.90, 0.40, 0.90}, {0.30, 0.93, 0.30, 0.92}, {0.40, 0.92, 0.35, 0.91},
                {0.60, 0.90, 0.50, 0.89}}));
        assertThat(report.overfitting()).isFalse();
        assertThat(report.verdict()).contains("training loss has not fallen below that epoch's either");
    }

    @Test
    void patience_sets_how_many_epochs_without_improvement_it_takes() {
        List<EpochMetrics> epochs = curves(OVERFITTING_AFTER_EPOCH_4);
        assertThat(new OverfittingDetector(1).analyze(epochs).overfittingEpoch()).isEqualTo(5);
        assertThat(new OverfittingDetector(3).analyze(epochs).overfittingEpoch()).isEqualTo(7);
        assertThat(new OverfittingDetector(4).analyze(epochs).overfitting()).isFalse();
    }

    @Test
    void a_run_without_validation_is_never_flagged() {
        OverfittingReport report = detector.analyze(List.of(
                new EpochMetrics(1, 0.5, 0.9, Double.NaN, Double.NaN, 0.001, 1000, 5000),
                new EpochMetrics(2, 0.3, 0.95, Double.NaN, Double.NaN, 0.001, 1000, 5000),
                new EpochMetrics(3, 0.2, 0.99, Double.NaN, Double.NaN, 0.001, 1000, 5000)));
        assertThat(report.overfitting()).isFalse();
        assertThat(report.bestEpoch()).isZero();
        assertThat(report.gap().measured()).isFalse();
        assertThat(report.summary()).isEqualTo("No validation split: overfitting cannot be judged.");
    }

    @Test
    void no_epochs_no_verdict() {
        OverfittingReport report = detector.analyze(List.of());
        assertThat(report.overfitting()).isFalse();
        assertThat(report.gap()).isNull();
        assertThat(report.overfittingEpoch()).isZero();
    }

    @Test
    void rejects_a_patience_below_one() {
        assertThatThrownBy(() -> new OverfittingDetector(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
