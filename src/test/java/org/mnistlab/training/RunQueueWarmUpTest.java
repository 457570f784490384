package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.base.MnistLabProperties;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The queue's training warm-up, on a queue of its own with one training thread and the real engine: once per
 * server, never beside a run, and out of the way of a run submitted while it trains.
 */
class RunQueueWarmUpTest extends SpringAppTest {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private RecordingEngine engine;

    /** The app's engine, noting how often the warm-up asked whether to stop and what it did. */
    private static final class RecordingEngine implements TrainingEngine {
        final AtomicInteger polls = new AtomicInteger();
        final List<TrainingWarmUp.Outcome> outcomes = new CopyOnWriteArrayList<>();
        private final LocalTrainingEngine local;

        RecordingEngine(LocalTrainingEngine local) {
            this.local = local;
        }

        @Override
        public Trainer.Result train(long runId, RunConfig config, Trainer.Listener listener) {
            return local.train(runId, config, listener);
        }

        @Override
        public String placement(long runId) {
            return local.placement(runId);
        }

        @Override
        public Optional<TrainingWarmUp.Outcome> warmUp(BooleanSupplier stop) {
            Optional<TrainingWarmUp.Outcome> outcome = local.warmUp(() -> {
                polls.incrementAndGet();
                return stop.getAsBoolean();
            });
            outcome.ifPresent(outcomes::add);
            return outcome;
        }
    }

    private RunQueue queue;

    private RunQueue queue(boolean warmUp) {
        executor.setCorePoolSize(1);
        executor.setWaitForTasksToCompleteOnShutdown(true); // as the app's pool: no interrupts mid-training
        executor.setAwaitTerminationSeconds(60);
        executor.initialize();
        engine = new RecordingEngine(new LocalTrainingEngine(context.getBean(Trainer.class), datasets));
        queue = new RunQueue(store, engine, context.getBean(ModelCatalog.class), datasets,
                context.getBean(BackendInfo.class), context.getBean(MnistLabProperties.class), executor, false,
                context.getBeanProvider(RunPermissions.class), RunLimits.NONE, warmUp);
        return queue;
    }

    /** Stops a warm-up still training, within a batch, so that nothing trains beside the next test. */
    @AfterEach
    void stop() {
        queue.shutdown();
    }

    @Test
    void warms_up_once_per_server() {
        RunQueue queue = queue(true);

        assertThat(queue.warmUpSoon()).isTrue();
        assertThat(queue.warmUpSoon()).as("a second visit to the form").isFalse();

        await().atMost(TestRuns.RUN_TIMEOUT).until(() -> !engine.outcomes.isEmpty());
        assertThat(engine.outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.stopped()).isFalse();
            assertThat(outcome.mlpEpochs()).isEqualTo(TrainingWarmUp.EPOCHS);
            assertThat(outcome.cnnEpochs()).isEqualTo(TrainingWarmUp.CNN_EPOCHS);
        });
        assertThat(queue.warmUpSoon()).isFalse();
    }

    @Test
    void gives_way_within_a_batch_to_a_run_submitted_while_it_trains() {
        RunQueue queue = queue(true);
        queue.warmUpSoon();
        await().atMost(Duration.ofMinutes(1)).until(() -> engine.polls.get() > 0);

        RunRecord run = new TestRuns(queue, store).awaitEnd(
                queue.submit(TestRuns.quick(Architecture.LOGISTIC, 500, 1)).id());

        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(engine.outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.stopped()).isTrue();
            assertThat(outcome.mlpEpochs()).isLessThan(TrainingWarmUp.EPOCHS);
        });
    }

    @Test
    void waits_while_a_run_is_queued_or_training_and_warms_up_after_it() {
        RunQueue queue = queue(true);
        long id = queue.submit(TestRuns.quick(Architecture.LOGISTIC, 500, 1)).id();

        assertThat(queue.warmUpSoon()).as("beside a run").isFalse();

        new TestRuns(queue, store).awaitEnd(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> !queue.isActive(id));
        assertThat(queue.warmUpSoon()).as("once the queue is idle").isTrue();
    }

    @Test
    void never_runs_when_switched_off() {
        RunQueue queue = queue(false);

        assertThat(queue.warmUpSoon()).isFalse();
        assertThat(engine.polls).hasValue(0);
    }
}
