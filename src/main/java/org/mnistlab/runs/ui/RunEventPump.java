package org.mnistlab.runs.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.mnistlab.training.RunEvent;

/**
 * Carries run events from the training thread to one UI without slowing training or flooding the browser.
 * The listener only enqueues; a scheduler thread takes the UI lock (via {@code access}, e.g. {@code ui::access})
 * and applies what is queued, in order. Epoch and life-cycle events go out at once; batch progress is
 * coalesced to the latest one and applied at most once per {@code minBatchIntervalNanos}, so a fast run sends
 * a handful of updates a second however often it reports.
 */
final class RunEventPump {

    private final ScheduledExecutorService scheduler;
    private final Consumer<Runnable> access;
    private final Consumer<List<RunEvent>> apply;
    private final long minBatchIntervalNanos;
    private final LongSupplier nanoTime;

    private final Queue<RunEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RunEvent.BatchProgressed> latestBatch = new AtomicReference<>();
    private final AtomicBoolean immediatePending = new AtomicBoolean();
    private final AtomicBoolean delayedPending = new AtomicBoolean();
    private volatile long lastBatchApplied;
    private volatile boolean closed;
    private volatile Runnable onClose = () -> { };

    /**
     * @param access runs a command while holding the UI's lock (may throw when the UI is gone)
     * @param apply  receives the events to show, in order, under the lock; never empty
     */
    RunEventPump(ScheduledExecutorService scheduler, Consumer<Runnable> access, Consumer<List<RunEvent>> apply,
                 long minBatchIntervalNanos, LongSupplier nanoTime) {
        this.scheduler = scheduler;
        this.access = access;
        this.apply = apply;
        this.minBatchIntervalNanos = minBatchIntervalNanos;
        this.nanoTime = nanoTime;
        this.lastBatchApplied = nanoTime.getAsLong() - minBatchIntervalNanos;
    }

    RunEventPump(ScheduledExecutorService scheduler, Consumer<Runnable> access, Consumer<List<RunEvent>> apply,
                 long minBatchIntervalNanos) {
        this(scheduler, access, apply, minBatchIntervalNanos, System::nanoTime);
    }

    /** Called on the publishing (training) thread: only enqueues. */
    void offer(RunEvent event) {
        if (closed) {
            return;
        }
        if (event instanceof RunEvent.BatchProgressed progress) {
            latestBatch.set(progress);
            scheduleBatch();
        } else {
            events.add(event);
            if (immediatePending.compareAndSet(false, true)) {
                schedule(0, immediatePending);
            }
        }
    }

    /** Runs once when the pump closes, also when it closes itself because the UI went away. */
    void whenClosed(Runnable action) {
        onClose = action;
        if (closed) {
            action.run(); // closed before the action was known
        }
    }

    /** Stops delivering; queued events are dropped. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        events.clear();
        latestBatch.set(null);
        onClose.run();
    }

    boolean isClosed() {
        return closed;
    }

    private void scheduleBatch() {
        if (delayedPending.compareAndSet(false, true)) {
            long wait = Math.max(0, lastBatchApplied + minBatchIntervalNanos - nanoTime.getAsLong());
            schedule(wait, delayedPending);
        }
    }

    private void schedule(long delayNanos, AtomicBoolean pending) {
        try {
            scheduler.schedule(() -> {
                try {
                    access.accept(() -> drain(pending));
                } catch (RuntimeException uiGone) {
                    // the UI was detached or its session closed: nobody is watching any more
                    close();
                }
            }, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            pending.set(false);
        }
    }

    /** Runs under the UI lock. */
    private void drain(AtomicBoolean pending) {
        pending.set(false);
        if (closed) {
            return;
        }
        List<RunEvent> batch = new ArrayList<>();
        for (RunEvent e = events.poll(); e != null; e = events.poll()) {
            batch.add(e);
        }
        if (latestBatch.get() != null) {
            long now = nanoTime.getAsLong();
            if (now - lastBatchApplied >= minBatchIntervalNanos) {
                RunEvent.BatchProgressed progress = latestBatch.getAndSet(null);
                if (progress != null) {
                    batch.add(progress);
                    lastBatchApplied = now;
                }
            } else {
                scheduleBatch();
            }
        }
        if (!batch.isEmpty()) {
            apply.accept(batch);
        }
    }
}
