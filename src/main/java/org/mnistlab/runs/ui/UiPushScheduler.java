package org.mnistlab.runs.ui;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that push run events into open UIs, so the training thread that publishes them only enqueues
 * (a page being watched by ten browsers must not slow training down).
 */
@Component
public class UiPushScheduler implements DisposableBean {

    /**
     * Batch-progress updates per UI: at most two a second (epoch events go out at once). Each update costs the
     * browser a repaint; ten pages on the machine that trains took a core at four a second.
     */
    static final long MIN_BATCH_INTERVAL_NANOS = 500_000_000L;

    private final ScheduledThreadPoolExecutor executor;

    public UiPushScheduler() {
        AtomicInteger count = new AtomicInteger();
        executor = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "ui-push-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
