package org.mnistlab.training;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@link OverfittingDetector} found in a run's epochs.
 *
 * @param best the epoch with the lowest validation loss ({@link BestEpoch#NONE} without validation)
 * @param signals every epoch that raised a signal, in epoch order
 */
public record OverfittingReport(BestEpoch best, List<OverfittingSignal> signals) {

    public OverfittingReport {
        signals = List.copyOf(signals);
    }

    /** The best epoch's number, 0 when no epoch has a validation loss. */
    public int bestEpoch() {
        return best.epoch();
    }

    public boolean overfitting() {
        return !signals.isEmpty();
    }

    /** Epochs to mark on a chart, each once. */
    public SortedSet<Integer> flaggedEpochs() {
        SortedSet<Integer> epochs = new TreeSet<>();
        signals.forEach(s -> epochs.add(s.epoch()));
        return epochs;
    }

    /** The first epoch with a signal, 0 when none. */
    public int firstFlaggedEpoch() {
        return signals.isEmpty() ? 0 : signals.get(0).epoch();
    }

    /** One or two sentences for a person watching the run. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (signals.isEmpty()) {
            text.append("No sign of overfitting so far.");
        } else {
            // The latest signal describes the current state; older ones are on the chart.
            text.append(signals.get(signals.size() - 1).message());
        }
        if (best.exists()) {
            text.append(String.format(Locale.ROOT, " Best epoch so far: %d (validation loss %.4f, accuracy %.2f %%).",
                    best.epoch(), best.validationLoss(), best.validationAccuracy() * 100));
        }
        return text.toString();
    }
}
