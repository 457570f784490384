package org.mnistlab.training;

/** Progress inside an epoch (published at most a few times a second). Epoch and batch count from 1. */
public record BatchProgress(long runId, int epoch, int totalEpochs, int batch, int batchesPerEpoch,
                            double loss, double imagesPerSecond, long etaMillis) {

    /** Fraction of the whole run done, in [0, 1]. */
    public double fraction() {
        return ((epoch - 1) + (double) batch / batchesPerEpoch) / totalEpochs;
    }
}
