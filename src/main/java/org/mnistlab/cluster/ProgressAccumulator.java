package org.mnistlab.cluster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.util.AccumulatorV2;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochMetrics;

/**
 * One run's progress on its executor: the start, every finished epoch, the latest batch. Spark reports the
 * executor's copy with each heartbeat ({@code spark.executor.heartbeatInterval}) and at the task's end, which is
 * how the driver hears of a run while it trains. The executor adds from the training thread while the heartbeat
 * thread reads, hence the locking; {@link #value()} is an immutable snapshot.
 */
final class ProgressAccumulator extends AccumulatorV2<ProgressAccumulator.Message, ProgressAccumulator.Snapshot> {

    /** What the trainer reported once it had split the data and built the network. */
    record Start(int batchesPerEpoch, int trainImages, int validationImages) implements Serializable {
    }

    /** A finished epoch with the best epoch so far. */
    record Epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) implements Serializable {
    }

    /** One thing the trainer reported; exactly one field is set. As JSON, because the training records are not Serializable. */
    record Message(String start, String epoch, String batch) implements Serializable {

        static Message of(Start start) {
            return new Message(Wire.write(start), null, null);
        }

        static Message of(Epoch epoch) {
            return new Message(null, Wire.write(epoch), null);
        }

        static Message of(BatchProgress batch) {
            return new Message(null, null, Wire.write(batch));
        }
    }

    /** Everything reported so far, in JSON; start and batch are null until reported. */
    record Snapshot(String start, List<String> epochs, String batch) implements Serializable {

        static final Snapshot EMPTY = new Snapshot(null, List.of(), null);

        Start startValue() {
            return start == null ? null : Wire.read(start, Start.class);
        }

        Epoch epoch(int index) {
            return Wire.read(epochs.get(index), Epoch.class);
        }

        BatchProgress batchValue() {
            return batch == null ? null : Wire.read(batch, BatchProgress.class);
        }
    }

    private String start;
    private final ArrayList<String> epochs = new ArrayList<>();
    private String batch;

    @Override
    public synchronized boolean isZero() {
        return start == null && epochs.isEmpty() && batch == null;
    }

    @Override
    public synchronized ProgressAccumulator copy() {
        ProgressAccumulator copy = new ProgressAccumulator();
        copy.start = start;
        copy.epochs.addAll(epochs);
        copy.batch = batch;
        return copy;
    }

    @Override
    public synchronized void reset() {
        start = null;
        epochs.clear();
        batch = null;
    }

    @Override
    public synchronized void add(Message message) {
        if (message.start() != null) {
            start = message.start();
        }
        if (message.epoch() != null) {
            epochs.add(message.epoch());
        }
        if (message.batch() != null) {
            batch = message.batch();
        }
    }

    /** One task per run: the other copy holds at least what this one holds. */
    @Override
    public void merge(AccumulatorV2<Message, Snapshot> other) {
        Snapshot theirs = other.value();
        synchronized (this) {
            if (theirs.start() != null) {
                start = theirs.start();
            }
            if (theirs.epochs().size() > epochs.size()) {
                epochs.clear();
                epochs.addAll(theirs.epochs());
            }
            if (theirs.batch() != null) {
                batch = theirs.batch();
            }
        }
    }

    @Override
    public synchronized Snapshot value() {
        return new Snapshot(start, List.copyOf(epochs), batch);
    }
}
