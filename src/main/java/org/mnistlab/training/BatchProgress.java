package org.mnistlab.training;

/**
 * Progress of a running run (published at most a few times a second): fitting an epoch's batches, measuring
 * the epoch on the training sample and the validation split, or evaluating on the test split after the
 * last epoch. Epoch and batch count from 1.
 *
 * @param batch batches of this phase done
 * @param batches batches of this phase in all (training batches per epoch, or evaluation batches)
 * @param loss mean training loss of the epoch's batches so far; NaN outside {@link Phase#TRAINING}
 * @param imagesPerSecond images of this phase per second so far
 * @param etaMillis estimated time to the end of the run, validation and test evaluation included
 * @param fraction estimated share of the whole run's time done, in [0, 1]
 */
public record BatchProgress(long runId, Phase phase, int epoch, int totalEpochs, int batch, int batches,
                            double loss, double imagesPerSecond, long etaMillis, double fraction) {

    public enum Phase {
        TRAINING,
        /** Loss and accuracy of the finished epoch on the training sample and the validation split. */
        VALIDATING,
        /** The final evaluation on the test split. */
        TESTING
    }
}
