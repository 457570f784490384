package org.mnistlab.training;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Where the {@link RunQueue}'s runs train: in this process ({@link LocalTrainingEngine}, the default) or on a
 * cluster ({@code mnistlab.executor=spark}). The queue keeps the store, the events and the model file; an
 * engine only trains, calling the listener as {@link Trainer} does, on any thread but one run's calls in order.
 */
public interface TrainingEngine {

    /**
     * Trains the run to its end and returns the trained network with what it measured.
     *
     * @throws RunCancelledException when {@link Trainer.Listener#cancelled()} turned true
     */
    Trainer.Result train(long runId, RunConfig config, Trainer.Listener listener);

    /** Where the run trains now, for the queue page ("this server", "Spark executor 1 on host"). */
    String placement(long runId);

    /**
     * Trains a throwaway network on the calling thread so that the JVM compiles the training code before a run
     * needs it ({@link TrainingWarmUp}), until done or {@code stop} turns true; empty for engines that train
     * elsewhere.
     */
    default Optional<TrainingWarmUp.Outcome> warmUp(BooleanSupplier stop) {
        return Optional.empty();
    }

    /** Free and total training slots of a cluster; empty for training in this process. */
    default Optional<Slots> slots() {
        return Optional.empty();
    }

    /** Training slots of a cluster: one run trains in one slot. */
    record Slots(int free, int total) {
    }
}
