package org.mnistlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
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
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Carries a service's events to one component without slowing the publishing thread or flooding the browser.
 * It subscribes while the component is attached and unsubscribes on detach (or when its UI is gone). The
 * listener only enqueues; a {@link UiPushScheduler} thread applies what is queued, in order, inside
 * {@code ui.access}. Events marked {@link #latestOnly latest-only} (progress) are coalesced to the newest one
 * and applied at most once per {@link #MIN_INTERVAL_NANOS}; all others go out at once.
 */
public final class UiEventPump<E> {

    /**
     * Progress updates per page: at most two a second. Each update costs the browser a repaint; ten pages on
     * the machine that trains took a core at four a second.
     */
    public static final long MIN_INTERVAL_NANOS = 500_000_000L;

    private final ScheduledExecutorService scheduler;
    private final Function<Consumer<E>, Runnable> subscribe;
    private final Consumer<List<E>> apply;
    private Predicate<? super E> accepts = e -> true;
    private Predicate<? super E> latestOnly = e -> false;
    private Runnable onSubscribed = () -> { };
    private long minIntervalNanos = MIN_INTERVAL_NANOS;

    private final Queue<E> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<E> latest = new AtomicReference<>();
    private final AtomicBoolean immediatePending = new AtomicBoolean();
    private final AtomicBoolean delayedPending = new AtomicBoolean();
    private volatile long lastLatestApplied = System.nanoTime() - MIN_INTERVAL_NANOS;
    private volatile UI ui;
    private volatile Runnable unsubscribe;

    /**
     * @param subscribe registers a listener with the service and returns how to remove it
     *                  (e.g. {@code queue::subscribe})
     * @param apply     receives the events to show, in order, under the UI lock; never empty
     */
    public UiEventPump(Component owner, UiPushScheduler scheduler, Function<Consumer<E>, Runnable> subscribe,
                       Consumer<List<E>> apply) {
        this.scheduler = scheduler.executor();
        this.subscribe = subscribe;
        this.apply = apply;
        owner.addAttachListener(e -> attach(e.getUI()));
        owner.addDetachListener(e -> detach());
    }

    /** Only events that pass {@code filter} are taken from the service (tested on the publishing thread). */
    public UiEventPump<E> accepting(Predicate<? super E> filter) {
        this.accepts = filter;
        return this;
    }

    /** Of the events that pass {@code progress}, only the newest counts, applied at most twice a second. */
    public UiEventPump<E> latestOnly(Predicate<? super E> progress) {
        this.latestOnly = progress;
        return this;
    }

    /**
     * Runs under the UI lock right after subscribing on attach: read the current state there, so nothing
     * published in between is lost (events already shown must then be recognised as such).
     */
    public UiEventPump<E> onSubscribed(Runnable readCurrentState) {
        this.onSubscribed = readCurrentState;
        return this;
    }

    UiEventPump<E> minInterval(long nanos) {
        this.minIntervalNanos = nanos;
        this.lastLatestApplied = System.nanoTime() - nanos;
        return this;
    }

    /**
     * Hands an event to the component as if the service had published it (e.g. a background task's result).
     * Offered before the component is attached, it is delivered on attach.
     */
    public void offer(E event) {
        if (latestOnly.test(event)) {
            latest.set(event);
            scheduleLatest();
        } else {
            events.add(event);
            if (immediatePending.compareAndSet(false, true)) {
                schedule(0, immediatePending);
            }
        }
    }

    /** Stops listening until the component is attached again (e.g. the run being watched has ended). */
    public void stop() {
        Runnable remove = unsubscribe;
        unsubscribe = null;
        if (remove != null) {
            remove.run();
        }
        events.clear();
        latest.set(null);
    }

    public boolean isListening() {
        return unsubscribe != null;
    }

    private void attach(UI attachedTo) {
        ui = attachedTo;
        AtomicBoolean live = new AtomicBoolean(true);
        Runnable remove = subscribe.apply(event -> {
            if (live.get() && accepts.test(event)) {
                offer(event);
            }
        });
        unsubscribe = () -> {
            live.set(false);
            remove.run();
        };
        onSubscribed.run();
        if (!events.isEmpty() && immediatePending.compareAndSet(false, true)) {
            schedule(0, immediatePending); // offered before the component was attached
        }
    }

    private void detach() {
        stop();
        ui = null;
    }

    private void scheduleLatest() {
        if (delayedPending.compareAndSet(false, true)) {
            long wait = Math.max(0, lastLatestApplied + minIntervalNanos - System.nanoTime());
            schedule(wait, delayedPending);
        }
    }

    private void schedule(long delayNanos, AtomicBoolean pending) {
        UI target = ui;
        if (target == null) {
            pending.set(false); // delivered when the component is attached
            return;
        }
        try {
            scheduler.schedule(() -> {
                try {
                    target.access(() -> drain(pending));
                } catch (RuntimeException uiGone) {
                    // the UI was detached or its session closed: nobody is watching any more
                    pending.set(false);
                    stop();
                }
            }, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            pending.set(false);
        }
    }

    /** Runs under the UI lock. */
    private void drain(AtomicBoolean pending) {
        pending.set(false);
        if (ui == null) {
            return;
        }
        List<E> batch = new ArrayList<>();
        for (E e = events.poll(); e != null; e = events.poll()) {
            batch.add(e);
        }
        if (latest.get() != null) {
            long now = System.nanoTime();
            if (now - lastLatestApplied >= minIntervalNanos) {
                E newest = latest.getAndSet(null);
                if (newest != null) {
                    batch.add(newest);
                    lastLatestApplied = now;
                }
            } else {
                scheduleLatest();
            }
        }
        if (!batch.isEmpty()) {
            apply.accept(batch);
        }
    }
}
