package org.mnistlab.training;

import java.util.List;
import java.util.Locale;

/**
 * Reads a run's learning curves the textbook way: a run overfits when its validation loss has not improved
 * on its {@link BestEpoch} for {@code patience} epochs while its training loss kept falling below the best
 * epoch's. A run whose latest epoch is its best, or that is still within the patience window, is still
 * learning something that generalizes and is never flagged, however far training accuracy is ahead: that
 * generalization gap is reported as a quantity, not a verdict. Epochs without validation values (NaN) raise
 * nothing.
 */
public final class OverfittingDetector {

    /** Two epochs without improvement: one can be noise, two in a row while training improves rarely is. */
    public static final int DEFAULT_PATIENCE = 2;

    private final int patience;

    public OverfittingDetector(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1");
        }
        this.patience = patience;
    }

    public OverfittingDetector() {
        this(DEFAULT_PATIENCE);
    }

    /** @param epochs finished epochs in order (epoch numbers from 1, as the engine reports them) */
    public OverfittingReport analyze(List<EpochMetrics> epochs) {
        BestEpoch best = BestEpoch.of(epochs);
        GeneralizationGap gap = epochs.isEmpty() ? null : GeneralizationGap.of(epochs.get(epochs.size() - 1));
        return new OverfittingReport(best, signal(epochs, best), gap, patience);
    }

    /**
     * The first epoch, at least {@code patience} after the best, whose training loss is below the best
     * epoch's, provided the latest epoch still has lower training loss than the best (a run whose training
     * loss rose again diverges rather than overfits); null otherwise.
     */
    private OverfittingSignal signal(List<EpochMetrics> epochs, BestEpoch best) {
        if (!best.exists() || epochs.isEmpty()) {
            return null;
        }
        EpochMetrics bestMetrics = epochs.stream().filter(m -> m.epoch() == best.epoch()).findFirst().orElseThrow();
        EpochMetrics latest = epochs.get(epochs.size() - 1);
        int sinceBest = latest.epoch() - best.epoch();
        if (sinceBest < patience || !(latest.trainLoss() < bestMetrics.trainLoss())) {
            return null;
        }
        int firedAt = epochs.stream()
                .filter(m -> m.epoch() >= best.epoch() + patience && m.trainLoss() < bestMetrics.trainLoss())
                .mapToInt(EpochMetrics::epoch).findFirst().orElse(latest.epoch());
        return new OverfittingSignal(firedAt, reason(bestMetrics, latest, sinceBest));
    }

    private static String reason(EpochMetrics best, EpochMetrics latest, int sinceBest) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "validation loss rose for %d epoch%s since its best at epoch %d (%.3f → %.3f) while training loss"
                        + " kept falling (%.3f → %.3f)", sinceBest, sinceBest == 1 ? "" : "s", best.epoch(),
                best.validationLoss(), latest.validationLoss(), best.trainLoss(), latest.trainLoss()));
        if (latest.validationAccuracy() < best.validationAccuracy()) {
            text.append(String.format(Locale.ROOT, "; validation accuracy fell from %.2f %% to %.2f %%",
                    best.validationAccuracy() * 100, latest.validationAccuracy() * 100));
        }
        return text.toString();
    }
}
