package org.mnistlab.training;

import java.util.Locale;

/**
 * How much better a model does on its training data than on validation data at one epoch: a quantity to
 * watch, not a verdict (a growing model learns its training images first, and the gap is large early on
 * small subsets even while validation keeps improving). NaN without validation.
 *
 * @param accuracyGap training accuracy minus validation accuracy (fractions)
 * @param lossGap validation loss minus training loss
 */
public record GeneralizationGap(int epoch, double accuracyGap, double lossGap) {

    static GeneralizationGap of(EpochMetrics m) {
        return new GeneralizationGap(m.epoch(), m.trainAccuracy() - m.validationAccuracy(),
                m.validationLoss() - m.trainLoss());
    }

    public boolean measured() {
        return !Double.isNaN(accuracyGap) && !Double.isNaN(lossGap);
    }

    /** "Generalization gap at epoch 5: training accuracy 4.2 points above validation, loss 0.031 below." */
    public String describe() {
        if (!measured()) {
            return "Generalization gap: not measured (no validation split).";
        }
        return String.format(Locale.ROOT, "Generalization gap at epoch %d: training accuracy %.1f points %s"
                        + " validation accuracy, training loss %.3f %s validation loss.", epoch,
                Math.abs(accuracyGap) * 100, accuracyGap >= 0 ? "above" : "below", Math.abs(lossGap),
                lossGap >= 0 ? "below" : "above");
    }
}
