package org.mnistlab.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mnistlab.dataset.DatasetKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Shared Spring context (no web server, like the CLI) for the engine's store and service tests: one
 * context for all of them, with its own H2 file under target/test-data/training.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"mnistlab.data-dir=./target/test-data/training",
                "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration"})
abstract class TrainingSpringTest {

    @Autowired
    RunQueue queue;
    @Autowired
    RunStore store;

    /** Every event of this test, in order. */
    final List<RunEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Runnable unsubscribe;

    @BeforeEach
    void recordEvents() {
        unsubscribe = queue.subscribe(events::add);
    }

    @AfterEach
    void stopRecording() {
        unsubscribe.run();
    }

    /** A quick run on a stratified slice: batch 32, 2% validation split (1,200 images). */
    static RunConfig quickConfig(Architecture architecture, int subset, int epochs) {
        RunConfig d = RunConfig.defaults(architecture, DatasetKind.MNIST);
        return new RunConfig("test " + architecture.id(), DatasetKind.MNIST, architecture, d.hiddenLayers(),
                d.optimizer(), d.learningRate(), d.momentum(), 32, epochs, 7, d.l1(), d.l2(),
                d.convDropout(), d.denseDropout(), d.batchNorm(), d.augmentation(), 0.02, 0, true,
                d.lrSchedule(), subset);
    }

    /** Waits until the run's events include one matching, or fails after the timeout. */
    RunEvent awaitEvent(long runId, Predicate<RunEvent> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (RunEvent e : new ArrayList<>(events)) {
                if (e.runId() == runId && matching.test(e)) {
                    return e;
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("No matching event for run " + runId + " within " + timeout + "; got "
                + events.stream().filter(e -> e.runId() == runId).toList());
    }

    RunEvent awaitEnd(long runId) throws InterruptedException {
        return awaitEvent(runId, e -> e instanceof RunEvent.Finished || e instanceof RunEvent.Failed
                || e instanceof RunEvent.Cancelled, Duration.ofMinutes(3));
    }
}
