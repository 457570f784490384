package org.mnistlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.TestRuns;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.TrainingEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The app's queue with {@code mnistlab.executor=spark} on a real Spark {@code local[2]} master: its own, headless
 * context and run store, so the other tests' queue stays local.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
        "mnistlab.data-dir=./target/test-data-spark",
        "mnistlab.executor=spark",
        "mnistlab.spark.master=local[2]",
        "mnistlab.max-concurrent-runs=2"})
class SparkTrainingEngineTest {

    @Autowired
    RunQueue queue;
    @Autowired
    RunStore store;

    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private final Map<Long, String> placementAtStart = new ConcurrentHashMap<>();
    private Runnable unsubscribe;

    @BeforeEach
    void subscribe() {
        unsubscribe = queue.subscribe(event -> {
            events.add(event);
            if (event instanceof RunEvent.Started) {
                placementAtStart.put(event.runId(), queue.placement(event.runId()));
            }
        });
    }

    @AfterEach
    void unsubscribe() {
        unsubscribe.run();
    }

    @Test
    void trains_two_runs_at_once_on_spark_with_live_epochs_and_cancels_one_mid_run() {
        assertThat(queue.clusterSlots()).contains(new TrainingEngine.Slots(2, 2));
        RunConfig finishing = TestRuns.quick(Architecture.MLP, 2_000, 2).toBuilder().name("spark finishes").build();
        // a CNN epoch takes seconds: long enough to cancel between its first and second epoch
        RunConfig cancelled = TestRuns.quick(Architecture.SIMPLE_CNN, 2_000, 2).toBuilder().name("spark cancelled")
                .build();
        long a = queue.submit(finishing).id();
        long b = queue.submit(cancelled).id();

        await().atMost(Duration.ofMinutes(3)).until(() -> bothRunningAtOnce(a, b) || ended(b));
        assertThat(bothRunningAtOnce(a, b)).as("both runs train at once on local[2]").isTrue();
        // the task of b is still running, so this epoch can only have come with an executor heartbeat
        await().atMost(Duration.ofMinutes(3)).until(() -> epochs(b) >= 1 || ended(b));
        assertThat(ended(b)).as("run b reported its first epoch while training").isFalse();
        queue.cancel(b);

        await().atMost(Duration.ofMinutes(3)).until(() -> ended(a) && ended(b));
        assertThat(events).filteredOn(e -> e.runId() == b).last().isInstanceOf(RunEvent.Cancelled.class);
        RunRecord cancelledRun = store.findById(b).orElseThrow();
        assertThat(cancelledRun.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelledRun.epochsDone()).isEqualTo(1);

        assertThat(events).filteredOn(e -> e.runId() == a).last().isInstanceOf(RunEvent.Finished.class);
        RunRecord finished = store.findById(a).orElseThrow();
        assertThat(finished.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(finished.epochsDone()).isEqualTo(2);
        assertThat(finished.testAccuracy()).isGreaterThan(0.7);
        assertThat(store.modelFile(a)).hasValueSatisfying(file -> assertThat(file.toFile().length()).isPositive());
        assertThat(store.evaluation(a)).isPresent();
        assertThat(epochs(a)).isEqualTo(2);
        assertThat(placementAtStart.get(a)).startsWith("Spark executor driver on ");
        // the cancelled task stops at its next batch, then its slot is free again
        await().atMost(Duration.ofMinutes(1))
                .until(() -> queue.clusterSlots().equals(Optional.of(new TrainingEngine.Slots(2, 2))));
    }

    private boolean bothRunningAtOnce(long a, long b) {
        return started(a) && started(b) && !ended(a) && !ended(b);
    }

    private boolean started(long runId) {
        return events.stream().anyMatch(e -> e.runId() == runId && e instanceof RunEvent.Started);
    }

    private long epochs(long runId) {
        return events.stream().filter(e -> e.runId() == runId && e instanceof RunEvent.EpochFinished).count();
    }

    private boolean ended(long runId) {
        return events.stream().anyMatch(e -> e.runId() == runId && (e instanceof RunEvent.Finished
                || e instanceof RunEvent.Failed || e instanceof RunEvent.Cancelled));
    }
}
