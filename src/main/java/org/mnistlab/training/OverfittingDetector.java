package org.mnistlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a run's learning curves the way a teacher would: it flags epochs where validation loss has risen
 * for {@code risingEpochs} epochs in a row while training loss fell over the same stretch, and epochs where
 * training accuracy is more than {@code accuracyGap} above validation accuracy; and it names the
 * {@link BestEpoch}. Epochs without validation values (NaN) raise nothing.
 */
public final class OverfittingDetector {

    /** Two rising epochs: one can be noise, two in a row while training improves rarely is. */
    public static final int DEFAULT_RISING_EPOCHS = 2;
    /** Three accuracy points: a well-regularized MNIST model stays within about one. */
    public static final double DEFAULT_ACCURACY_GAP = 0.03;

    private final int risingEpochs;
    private final double accuracyGap;

    public OverfittingDetector(int risingEpochs, double accuracyGap) {
        if (risingEpochs < 1) {
            throw new IllegalArgumentException("risingEpochs must be at least 1");
        }
        if (!(accuracyGap > 0) || accuracyGap >= 1) {
            throw new IllegalArgumentException("accuracyGap must be in (0, 1)");
        }
        this.risingEpochs = risingEpochs;
        this.accuracyGap = accuracyGap;
    }

    public OverfittingDetector() {
        this(DEFAULT_RISING_EPOCHS, DEFAULT_ACCURACY_GAP);
    }

    /** @param epochs finished epochs in order (epoch numbers from 1, as the engine reports them) */
    public OverfittingReport analyze(List<EpochMetrics> epochs) {
        List<OverfittingSignal> signals = new ArrayList<>();
        for (int i = 0; i < epochs.size(); i++) {
            EpochMetrics m = epochs.get(i);
            if (risingWhileTrainingFalls(epochs, i)) {
                EpochMetrics start = epochs.get(i - risingEpochs);
                signals.add(new OverfittingSignal(m.epoch(), OverfittingSignal.Kind.VALIDATION_LOSS_RISING,
                        String.format(Locale.ROOT, "Overfitting: validation loss has risen for %d epoch%s in a row"
                                        + " (%.4f at epoch %d → %.4f at epoch %d) while training loss kept falling.",
                                risingEpochs, risingEpochs == 1 ? "" : "s", start.validationLoss(), start.epoch(),
                                m.validationLoss(), m.epoch())));
            }
            double gap = m.trainAccuracy() - m.validationAccuracy();
            if (gap > accuracyGap) {
                signals.add(new OverfittingSignal(m.epoch(), OverfittingSignal.Kind.ACCURACY_GAP,
                        String.format(Locale.ROOT, "Overfitting: at epoch %d training accuracy (%.2f %%) is %.1f points"
                                        + " above validation accuracy (%.2f %%); the threshold is %.1f.",
                                m.epoch(), m.trainAccuracy() * 100, gap * 100, m.validationAccuracy() * 100,
                                accuracyGap * 100)));
            }
        }
        return new OverfittingReport(BestEpoch.of(epochs), signals);
    }

    /**
     * Validation loss rose at each of the last {@code risingEpochs} steps ending at {@code end}, and training
     * loss is lower at the end than at the start of that stretch (a single noisy training step may go up).
     */
    private boolean risingWhileTrainingFalls(List<EpochMetrics> epochs, int end) {
        int start = end - risingEpochs;
        if (start < 0) {
            return false;
        }
        for (int i = start + 1; i <= end; i++) {
            // NaN compares false, so a run without validation never passes
            if (!(epochs.get(i).validationLoss() > epochs.get(i - 1).validationLoss())) {
                return false;
            }
        }
        return epochs.get(end).trainLoss() < epochs.get(start).trainLoss();
    }
}
