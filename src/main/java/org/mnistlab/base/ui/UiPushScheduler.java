package org.mnistlab.base.ui;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that push service events into open UIs (see {@link UiEventPump}), so the thread that publishes
 * them only enqueues (a run being watched by ten browsers must not slow training down).
 */
@Component
public class UiPushScheduler implements DisposableBean {

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
