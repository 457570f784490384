package org.mnistlab.training;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@link OverfittingDetector} found in a run's epochs.
 *
 * @param bestEpoch epoch (from 1) with the lowest validation loss; 0 when no epoch has a validation loss
 * @param bestValidationLoss its validation loss (NaN when bestEpoch is 0)
 * @param bestValidationAccuracy its validation accuracy (NaN when bestEpoch is 0)
 * @param signals every epoch that raised a signal, in epoch order
 */
public record OverfittingReport(int bestEpoch, double bestValidationLoss, double bestValidationAccuracy,
                                List<OverfittingSignal> signals) {

    public OverfittingReport {
        signals = List.copyOf(signals);
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
        if (bestEpoch > 0) {
            text.append(String.format(Locale.ROOT, " Best epoch so far: %d (validation loss %.4f, accuracy %.2f %%).",
                    bestEpoch, bestValidationLoss, bestValidationAccuracy * 100));
        }
        return text.toString();
    }
}
