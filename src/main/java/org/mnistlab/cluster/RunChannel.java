package org.mnistlab.cluster;

import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.Trainer;

/**
 * Turns the snapshots of one run's progress (heartbeats, then the task's result) into the queue's listener
 * calls, each once and in order: start, then epochs and batches. Snapshots may repeat or arrive late.
 */
final class RunChannel {

    private final Trainer.Listener listener;
    private boolean started;
    private int epochsDelivered;
    private String lastBatch;

    RunChannel(Trainer.Listener listener) {
        this.listener = listener;
    }

    synchronized void deliver(ProgressAccumulator.Snapshot snapshot) {
        if (!started) {
            ProgressAccumulator.Start start = snapshot.startValue();
            if (start == null) {
                return;
            }
            listener.started(start.batchesPerEpoch(), start.trainImages(), start.validationImages());
            started = true;
        }
        while (epochsDelivered < snapshot.epochs().size()) {
            ProgressAccumulator.Epoch epoch = snapshot.epoch(epochsDelivered);
            listener.epoch(epoch.metrics(), epoch.bestEpoch(), epoch.bestValidationAccuracy());
            epochsDelivered++;
        }
        if (snapshot.batch() != null && !snapshot.batch().equals(lastBatch)) {
            lastBatch = snapshot.batch();
            BatchProgress batch = snapshot.batchValue();
            if (batch.epoch() > epochsDelivered || batch.phase() == BatchProgress.Phase.TESTING) {
                listener.batch(batch);
            }
        }
    }
}
