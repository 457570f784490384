package org.mnistlab.api;

import org.mnistlab.training.EpochMetrics;

/** One finished epoch; the validation values are null for a run without a validation split. */
public record EpochJson(int epoch, double trainLoss, double trainAccuracy, Double validationLoss,
                        Double validationAccuracy, double learningRate, long durationMillis, double imagesPerSecond) {

    static EpochJson of(EpochMetrics m) {
        return new EpochJson(m.epoch(), m.trainLoss(), m.trainAccuracy(), orNull(m.validationLoss()),
                orNull(m.validationAccuracy()), m.learningRate(), m.durationMillis(), m.imagesPerSecond());
    }

    /** Back to the engine's record (null validation values are NaN there), e.g. to print as the CLI does. */
    public EpochMetrics metrics() {
        return new EpochMetrics(epoch, trainLoss, trainAccuracy, validationLoss == null ? Double.NaN : validationLoss,
                validationAccuracy == null ? Double.NaN : validationAccuracy, learningRate, durationMillis,
                imagesPerSecond);
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
