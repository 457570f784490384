package org.mnistlab.training;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The run queue: validates and stores submitted runs, trains them on a bounded pool
 * ({@code mnistlab.max-concurrent-runs}), cancels, and publishes {@link RunEvent}s to any number of
 * listeners. Used by the UI and the CLI alike; knows nothing about Vaadin.
 */
@Service
public class TrainingService {

    /**
     * Validates, stores (QUEUED) and queues a run.
     *
     * @throws InvalidConfigException with every problem when the config is invalid
     */
    public RunRecord submit(RunConfig config) {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** Cancels a queued run at once, or a running one within one batch. No-op for a finished run. */
    public void cancel(long runId) {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** Adds a listener for all runs' events; call the returned Runnable to remove it. */
    public Runnable subscribe(Consumer<RunEvent> listener) {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** How many listeners are subscribed (tests check that closed views leave none behind). */
    public int listenerCount() {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** Queued and running runs, running first, then in queue order. */
    public List<RunRecord> activeRuns() {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** The latest batch progress of a running run, for a page opened mid-epoch. */
    public Optional<BatchProgress> latestProgress(long runId) {
        throw new UnsupportedOperationException("TODO engine");
    }
}
