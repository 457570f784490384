package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.base.MnistLabProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run whose store writes start failing mid-training (disk full, database closed): every listener hears that
 * it failed and why, and the epochs written before the failure stay readable.
 */
class StoreFailureTest extends SpringAppTest {

    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private FailingStore failing;
    private RunQueue failingQueue;

    /** The app's store, whose epoch writes fail from a given epoch on, optionally closing it for all writes. */
    static final class FailingStore extends RunStore {
        volatile int failFromEpoch = Integer.MAX_VALUE;
        volatile boolean closesOnFailure;
        volatile boolean closed;

        FailingStore(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate tx, MnistLabProperties properties) {
            super(jdbc, batches, tx, properties);
        }

        @Override
        public void insertEpoch(long runId, EpochMetrics m, Integer bestEpoch, Double bestValidationAccuracy) {
            if (m.epoch() >= failFromEpoch) {
                closed = closesOnFailure;
                throw new DataAccessResourceFailureException("Could not write the epoch",
                        new IOException("No space left on device"));
            }
            super.insertEpoch(runId, m, bestEpoch, bestValidationAccuracy);
        }

        @Override
        public boolean markEnded(long runId, RunStatus status, Instant finishedAt, String errorMessage) {
            if (closed) {
                throw new DataAccessResourceFailureException("Database is already closed");
            }
            return super.markEnded(runId, status, finishedAt, errorMessage);
        }
    }

    @BeforeEach
    void failingQueue() {
        failing = new FailingStore(context.getBean(JdbcClient.class), context.getBean(JdbcTemplate.class),
                context.getBean(TransactionTemplate.class), context.getBean(MnistLabProperties.class));
        executor.setCorePoolSize(1);
        executor.initialize();
        failingQueue = new RunQueue(failing, context.getBean(Trainer.class), context.getBean(ModelCatalog.class),
                datasets, context.getBean(BackendInfo.class), context.getBean(MnistLabProperties.class), executor,
                false);
        failingQueue.subscribe(events::add);
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void a_failed_epoch_write_ends_the_run_failed_and_keeps_the_epochs_written_before() {
        failing.failFromEpoch = 2;
        long id = failingQueue.submit(TestRuns.quick(Architecture.LOGISTIC, 1_000, 3)).id();

        RunEvent.Failed failed = awaitFailed(id);
        assertThat(failed.message()).isEqualTo("The run store is unavailable: No space left on device. Free space on "
                + "the data directory's disk, then try again: the store reopens by itself once it can write (finished epochs are kept).");
        RunRecord stored = store.findById(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStatus.FAILED);
        assertThat(stored.errorMessage()).isEqualTo(failed.message());
        assertThat(store.epochs(id)).extracting(EpochMetrics::epoch).containsExactly(1);
        assertThat(failingQueue.isActive(id)).isFalse();
    }

    @Test
    void listeners_hear_the_failure_even_when_the_store_cannot_record_it() {
        failing.failFromEpoch = 2;
        failing.closesOnFailure = true;
        long id = failingQueue.submit(TestRuns.quick(Architecture.LOGISTIC, 1_000, 3)).id();

        assertThat(awaitFailed(id).message()).startsWith("The run store is unavailable: No space left on device");
        assertThat(failingQueue.isActive(id)).isFalse();
        assertThat(store.epochs(id)).extracting(EpochMetrics::epoch).containsExactly(1);
        // the database really is fine here: tidy up the row the "closed" store could not end
        store.markEnded(id, RunStatus.FAILED, Instant.now(), "test");
    }

    private RunEvent.Failed awaitFailed(long id) {
        return (RunEvent.Failed) await("run " + id + " fails").atMost(TestRuns.RUN_TIMEOUT)
                .until(() -> events.stream().filter(e -> e.runId() == id && e instanceof RunEvent.Failed)
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }
}
