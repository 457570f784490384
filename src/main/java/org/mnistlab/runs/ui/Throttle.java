package org.mnistlab.runs.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces bursts of triggers (training events) into at most one action per delay, so a busy run
 * does not flood the browser with grid refreshes. The action runs on a pool thread.
 */
final class Throttle {

    private final long delayMillis;
    private final Runnable action;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    Throttle(long delayMillis, Runnable action) {
        this.delayMillis = delayMillis;
        this.action = action;
    }

    void trigger() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                scheduled.set(false);
                if (!closed) {
                    action.run();
                }
            }, CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
        }
    }

    /** No further actions after this (a pending one is dropped). */
    void close() {
        closed = true;
    }
}
