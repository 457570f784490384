package org.mnistlab.training;

import java.util.Locale;
import java.util.Optional;

/**
 * What {@link OverfittingDetector} found in a run's epochs.
 *
 * @param best the epoch with the lowest validation loss ({@link BestEpoch#NONE} without validation)
 * @param signal why the run overfits, null when it does not
 * @param gap the latest epoch's generalization gap, null before the first epoch
 * @param patience epochs without improvement after which a run with falling training loss overfits
 */
public record OverfittingReport(BestEpoch best, OverfittingSignal signal, GeneralizationGap gap, int patience) {

    /** The best epoch's number, 0 when no epoch has a validation loss. */
    public int bestEpoch() {
        return best.epoch();
    }

    public boolean overfitting() {
        return signal != null;
    }

    public Optional<OverfittingSignal> signalIfAny() {
        return Optional.ofNullable(signal);
    }

    /** The epoch at which overfitting was called, 0 when it was not. */
    public int overfittingEpoch() {
        return signal == null ? 0 : signal.epoch();
    }

    /** The verdict in one sentence for a person watching the run. */
    public String verdict() {
        if (signal != null) {
            return "Overfitting since epoch " + signal.epoch() + ": " + signal.reason() + ".";
        }
        if (!best.exists()) {
            return "No validation split: overfitting cannot be judged.";
        }
        int sinceBest = gap == null ? 0 : gap.epoch() - best.epoch();
        if (sinceBest <= 0) {
            return String.format(Locale.ROOT, "No sign of overfitting: validation loss is still falling"
                    + " (best so far at the latest epoch, %d: %.3f).", best.epoch(), best.validationLoss());
        }
        if (sinceBest < patience) {
            return String.format(Locale.ROOT, "No overfitting yet: validation loss has not improved for %d epoch%s"
                            + " since its best at epoch %d (%.3f); overfitting is called after %d epochs without"
                            + " improvement while training loss falls.", sinceBest, sinceBest == 1 ? "" : "s",
                    best.epoch(), best.validationLoss(), patience);
        }
        return String.format(Locale.ROOT, "No overfitting: validation loss has not improved since epoch %d (%.3f),"
                + " but training loss has not fallen below that epoch's either.", best.epoch(), best.validationLoss());
    }

    /** The verdict, the best epoch and the generalization gap, for a person watching the run. */
    public String summary() {
        StringBuilder text = new StringBuilder(verdict());
        if (best.exists()) {
            text.append(String.format(Locale.ROOT, " Best epoch so far: %d (validation loss %.4f, accuracy %.2f %%).",
                    best.epoch(), best.validationLoss(), best.validationAccuracy() * 100));
        }
        if (gap != null && gap.measured()) {
            text.append(' ').append(gap.describe());
        }
        return text.toString();
    }
}
