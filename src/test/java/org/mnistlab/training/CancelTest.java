package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;

class CancelTest extends SpringAppTest {

    @RegisterExtension
    final RecordedEvents events = new RecordedEvents();

    @Test
    void cancelling_a_running_run_stops_it_keeps_finished_epochs_and_a_queued_one_never_starts() throws Exception {
        RunRecord running = queue.submit(TestRuns.quick(Architecture.MLP, 6_000, 20));
        RunRecord queued = queue.submit(TestRuns.quick(Architecture.LOGISTIC, 1_000, 1));
        assertThat(queue.activeRuns()).extracting(RunRecord::id).containsExactly(running.id(), queued.id());

        queue.cancel(queued.id());
        assertThat(events.all()).contains(new RunEvent.Cancelled(queued.id()));
        assertThat(store.findById(queued.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);

        events.await(running.id(), e -> e instanceof RunEvent.EpochFinished, Duration.ofMinutes(2));
        assertThat(queue.latestProgress(running.id())).isPresent();
        queue.cancel(running.id());
        assertThat(events.awaitEnd(running.id())).isEqualTo(new RunEvent.Cancelled(running.id()));

        RunRecord cancelled = store.findById(running.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.epochsDone()).isGreaterThanOrEqualTo(1).isLessThan(20);
        assertThat(store.epochs(running.id())).hasSize(cancelled.epochsDone());
        assertThat(store.modelFile(running.id())).isEmpty();
        assertThat(queue.activeRuns()).isEmpty();
        assertThat(events.all().stream().filter(e -> e.runId() == queued.id()))
                .noneMatch(e -> e instanceof RunEvent.Started);
        queue.cancel(running.id()); // no-op once ended
        assertThat(store.findById(running.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void listeners_can_unsubscribe() {
        int before = queue.listenerCount();
        Runnable unsubscribe = queue.subscribe(e -> { });
        assertThat(queue.listenerCount()).isEqualTo(before + 1);
        unsubscribe.run();
        assertThat(queue.listenerCount()).isEqualTo(before);
    }
}
