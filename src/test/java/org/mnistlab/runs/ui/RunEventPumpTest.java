package org.mnistlab.runs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.RunEvent;

class RunEventPumpTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    /** Stands in for the Vaadin session lock: applied events are only touched while holding it. */
    private final ReentrantLock uiLock = new ReentrantLock();
    private final List<RunEvent> applied = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private RunEventPump pump(long minBatchIntervalMillis) {
        return new RunEventPump(scheduler, command -> {
            uiLock.lock();
            try {
                command.run();
            } finally {
                uiLock.unlock();
            }
        }, events -> {
            applied.addAll(events);
            batchSizes.add(events.size());
        }, TimeUnit.MILLISECONDS.toNanos(minBatchIntervalMillis));
    }

    private static RunEvent.BatchProgressed batch(int epoch, int batch) {
        return new RunEvent.BatchProgressed(1, new BatchProgress(1, epoch, 3, batch, 1000, 0.5, 1000, 1000));
    }

    private static RunEvent.EpochFinished epoch(int n) {
        return new RunEvent.EpochFinished(1, new EpochMetrics(n, 0.3, 0.9, 0.3, 0.9, 0.001, 100, 1000), n);
    }

    private List<RunEvent> appliedSnapshot() {
        uiLock.lock();
        try {
            return new ArrayList<>(applied);
        } finally {
            uiLock.unlock();
        }
    }

    private List<RunEvent> awaitApplied(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (appliedSnapshot().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return appliedSnapshot();
    }

    @Test
    void life_cycle_and_epoch_events_arrive_all_and_in_order() throws InterruptedException {
        RunEventPump pump = pump(250);
        List<RunEvent> sent = List.of(new RunEvent.Queued(1), new RunEvent.Started(1, 3, 10), epoch(1), epoch(2),
                epoch(3), new RunEvent.Finished(1, 0.97));
        sent.forEach(pump::offer);

        assertThat(awaitApplied(sent.size())).containsExactlyElementsOf(sent);
    }

    @Test
    void a_flood_of_batch_progress_is_thinned_to_a_few_updates_a_second_and_the_latest_is_kept()
            throws InterruptedException {
        RunEventPump pump = pump(250);
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(1000);
        int sent = 0;
        while (System.nanoTime() < end) {
            pump.offer(batch(1, ++sent));
            Thread.sleep(0, 200_000);
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Thread.sleep(600); // let the last delayed update go out

        List<RunEvent> got = appliedSnapshot();
        System.out.printf("pump: %d batch events offered in %d ms, %d applied%n", sent, elapsedMs, got.size());
        assertThat(sent).isGreaterThan(100);
        // one update per 250 ms: the first at once, then one per interval, plus the last one afterwards
        assertThat(got.size()).isBetween(2, (int) (elapsedMs / 250) + 2);
        assertThat(((RunEvent.BatchProgressed) got.get(got.size() - 1)).progress().batch()).isEqualTo(sent);
    }

    @Test
    void epoch_events_are_not_held_back_by_the_batch_throttle() throws InterruptedException {
        RunEventPump pump = pump(10_000);
        pump.offer(batch(1, 1));
        awaitApplied(1);
        pump.offer(batch(1, 2)); // throttled for 10 s
        pump.offer(epoch(1));

        List<RunEvent> got = awaitApplied(2);
        assertThat(got).hasSize(2);
        assertThat(got.get(1)).isEqualTo(epoch(1));
    }

    @Test
    void a_closed_pump_delivers_nothing() throws InterruptedException {
        RunEventPump pump = pump(250);
        pump.close();
        pump.offer(epoch(1));
        pump.offer(batch(1, 1));
        Thread.sleep(300);

        assertThat(appliedSnapshot()).isEmpty();
        assertThat(pump.isClosed()).isTrue();
    }

    @Test
    void closes_itself_when_the_ui_is_gone() throws InterruptedException {
        RunEventPump pump = new RunEventPump(scheduler, command -> {
            throw new IllegalStateException("UI detached");
        }, applied::addAll, 1_000_000);
        java.util.concurrent.atomic.AtomicInteger unsubscribed = new java.util.concurrent.atomic.AtomicInteger();
        pump.whenClosed(unsubscribed::incrementAndGet);
        pump.offer(epoch(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!pump.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(pump.isClosed()).isTrue();
        pump.close();
        assertThat(unsubscribed).as("the close action runs once").hasValue(1);
    }
}
