package org.mnistlab.training;

import java.util.List;

/**
 * The epoch with the lowest validation loss, the earliest of equals: the one early stopping counts patience
 * from, whose weights a run can restore, and that charts and verdicts name. Epochs without a validation loss
 * (NaN) never qualify, so a run without validation has {@link #NONE}.
 *
 * @param epoch from 1; 0 for none
 * @param validationLoss NaN for none
 * @param validationAccuracy NaN for none
 */
public record BestEpoch(int epoch, double validationLoss, double validationAccuracy) {

    public static final BestEpoch NONE = new BestEpoch(0, Double.NaN, Double.NaN);

    /** The best of finished epochs, in order. */
    public static BestEpoch of(List<EpochMetrics> epochs) {
        BestEpoch best = NONE;
        for (EpochMetrics epoch : epochs) {
            best = best.orBetter(epoch);
        }
        return best;
    }

    /** {@code next} when its validation loss is lower than this one's (or this is none), else this. */
    public BestEpoch orBetter(EpochMetrics next) {
        double loss = next.validationLoss();
        if (Double.isNaN(loss) || (exists() && !(loss < validationLoss))) {
            return this;
        }
        return new BestEpoch(next.epoch(), loss, next.validationAccuracy());
    }

    public boolean exists() {
        return epoch > 0;
    }
}
