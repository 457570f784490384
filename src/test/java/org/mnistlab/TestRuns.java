package org.mnistlab;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunFilter;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunSort;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunStore;

/**
 * Real runs for tests that need them, trained by the app's own queue: waiting for a run to end, tiny models
 * trained once per Spring context and kept while their model file exists, and emptying the store.
 */
public final class TestRuns {

    /** Long enough for a tiny run on a busy 2-core machine; a hung run still fails the test. */
    public static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    /** Tiny runs trained so far, per store (one per Spring context), by a key such as "logistic-1000". */
    private static final Map<RunStore, Map<String, Long>> TINY = new ConcurrentHashMap<>();

    private final RunQueue queue;
    private final RunStore store;

    public TestRuns(RunQueue queue, RunStore store) {
        this.queue = queue;
        this.store = store;
    }

    /** Waits until the run is no longer queued or running and returns it as stored. */
    public RunRecord awaitEnd(long runId) {
        return await("run " + runId + " ends").atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> store.findById(runId).orElseThrow(), run -> !run.status().active());
    }

    /** Submits a run and waits for it to finish; fails with the run's error if it does not. */
    public long trainToEnd(RunConfig config) {
        RunRecord run = awaitEnd(queue.submit(config).id());
        if (run.status() != RunStatus.FINISHED) {
            throw new IllegalStateException("Run " + config.displayName() + " ended " + run.status() + ": "
                    + run.errorMessage());
        }
        return run.id();
    }

    /** A finished one-epoch MNIST run of a tiny model, trained once and shared while its model file exists. */
    public long tiny(Architecture architecture, int trainImages) {
        Map<String, Long> trained = TINY.computeIfAbsent(store, s -> new ConcurrentHashMap<>());
        String key = architecture.id() + "-" + trainImages;
        Long id = trained.get(key);
        if (id == null || store.modelFile(id).filter(Files::isRegularFile).isEmpty()) {
            id = trainToEnd(tinyConfig(architecture, trainImages, key));
            trained.put(key, id);
        }
        return id;
    }

    /** A new finished tiny run that no other test shares (e.g. to delete its model file). */
    public long freshTiny(String name) {
        return trainToEnd(tinyConfig(Architecture.LOGISTIC, 500, name));
    }

    /** Cancels what is queued or running and waits until it has ended, so a test starts on a quiet queue. */
    public void stopActiveRuns() {
        for (RunRecord run : queue.activeRuns()) {
            queue.cancel(run.id());
        }
        await("the queue is idle").atMost(RUN_TIMEOUT).until(() -> queue.activeRuns().isEmpty());
    }

    /** Deletes every run (rows and model files), so the app has no trained model. */
    public void deleteAll() {
        stopActiveRuns();
        for (RunRecord run : store.find(RunFilter.ALL, RunSort.NEWEST_FIRST, 0, Integer.MAX_VALUE)) {
            queue.delete(run.id());
        }
    }

    /** A quick run on a stratified slice: batch 32, 2 % validation split (1,200 images), seed 7. */
    public static RunConfig quick(Architecture architecture, int subset, int epochs) {
        return RunConfig.defaults(architecture, DatasetKind.MNIST).toBuilder().name("test " + architecture.id())
                .batchSize(32).epochs(epochs).seed(7).validationFraction(0.02).earlyStoppingPatience(0)
                .restoreBestWeights(true).trainSubset(subset).build();
    }

    /**
     * Logistic regression on 200 images with SGD lr 0.5: validation loss soon rises, so early stopping with
     * this patience ends it long before its 30 epochs (deterministic for this seed).
     */
    public static RunConfig overfitsFast(int patience) {
        return RunConfig.defaults(Architecture.LOGISTIC, DatasetKind.MNIST).toBuilder().name("overfits fast")
                .optimizer(OptimizerKind.SGD).learningRate(0.5).batchSize(32).epochs(30).seed(3).l2(0)
                .validationFraction(0.02).earlyStoppingPatience(patience).lrSchedule(LrSchedule.step(0.5, 10))
                .trainSubset(200).build();
    }

    private static RunConfig tinyConfig(Architecture architecture, int trainImages, String name) {
        return RunConfig.defaults(architecture, DatasetKind.MNIST).toBuilder()
                .trainSubset(trainImages).epochs(1).name(name).build();
    }
}
