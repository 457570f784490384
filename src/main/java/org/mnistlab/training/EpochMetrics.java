package org.mnistlab.training;

/** What one finished epoch measured; validation values are NaN when the run has no validation split. */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double learningRate, long durationMillis,
                           double imagesPerSecond) {
}
