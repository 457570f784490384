package org.mnistlab.runs;

import java.util.List;
import java.util.Optional;
import org.mnistlab.training.EpochMetrics;

/**
 * Reads epochs of a learning curve: which epoch was best and where overfitting began. A simple
 * stand-in until the engine offers its own detector; the rules are stated on each method.
 */
public final class LearningCurves {

    /** Validation loss must end this much (relative) above its minimum to call it overfitting. */
    static final double OVERFIT_MARGIN = 0.02;

    private LearningCurves() {
    }

    /** The epoch with the highest validation accuracy (the earliest on ties); empty without validation. */
    public static Optional<Integer> bestByValidationAccuracy(List<EpochMetrics> epochs) {
        EpochMetrics best = null;
        for (EpochMetrics e : epochs) {
            if (!Double.isNaN(e.validationAccuracy())
                    && (best == null || e.validationAccuracy() > best.validationAccuracy())) {
                best = e;
            }
        }
        return Optional.ofNullable(best).map(EpochMetrics::epoch);
    }

    /**
     * The first epoch of overfitting: the one after the validation-loss minimum, when the last epoch's
     * validation loss is more than 2% above that minimum while training loss kept falling. Empty otherwise.
     */
    public static Optional<Integer> overfittingStart(List<EpochMetrics> epochs) {
        int min = -1;
        for (int i = 0; i < epochs.size(); i++) {
            double v = epochs.get(i).validationLoss();
            if (!Double.isNaN(v) && (min < 0 || v < epochs.get(min).validationLoss())) {
                min = i;
            }
        }
        if (min < 0 || min == epochs.size() - 1) {
            return Optional.empty();
        }
        EpochMetrics atMin = epochs.get(min);
        EpochMetrics last = epochs.get(epochs.size() - 1);
        boolean validationRose = last.validationLoss() > atMin.validationLoss() * (1 + OVERFIT_MARGIN);
        boolean trainingFell = last.trainLoss() < atMin.trainLoss();
        return validationRose && trainingFell ? Optional.of(epochs.get(min + 1).epoch()) : Optional.empty();
    }
}
