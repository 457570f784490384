package org.mnistlab.training;

/** What the run service publishes to its listeners, on the training thread: keep listeners quick. */
public sealed interface RunEvent {

    long runId();

    record Queued(long runId) implements RunEvent {
    }

    record Started(long runId, int totalEpochs, int batchesPerEpoch, ImageCounts images) implements RunEvent {
    }

    record BatchProgressed(long runId, BatchProgress progress) implements RunEvent {
    }

    record EpochFinished(long runId, EpochMetrics metrics, int bestEpoch) implements RunEvent {
    }

    /** Each layer's health over an epoch's training batches; comes before the epoch's EpochFinished. */
    record LayersMeasured(long runId, LayerDiagnostics diagnostics) implements RunEvent {
    }

    /** @param end whether training stopped early and whose weights the test accuracy and model file are of */
    record Finished(long runId, double testAccuracy, TrainingEnd end) implements RunEvent {
    }

    record Failed(long runId, String message) implements RunEvent {
    }

    record Cancelled(long runId) implements RunEvent {
    }

    /** Renamed or deleted through the run history, so lists can refresh. */
    record Changed(long runId) implements RunEvent {
    }
}
