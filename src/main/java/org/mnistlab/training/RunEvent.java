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

    record Finished(long runId, double testAccuracy) implements RunEvent {
    }

    record Failed(long runId, String message) implements RunEvent {
    }

    record Cancelled(long runId) implements RunEvent {
    }

    /** Renamed or deleted through the run history, so lists can refresh. */
    record Changed(long runId) implements RunEvent {
    }
}
