package org.mnistlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Closes the UIs of tabs that are gone without their unload beacon (closed or crashed browser, lost network, a
 * beacon lost on the way), so their components detach and drop their service listeners: a tab whose push
 * connection was lost and has not come back within {@code mnistlab.lost-push-grace} (30 s; a browser reconnects
 * a dropped websocket within seconds), and any tab that missed three heartbeats. Vaadin itself only looks for
 * missed heartbeats while their session serves a request: a session whose every tab is gone would keep them
 * until the HTTP session expires (30 minutes).
 */
@Component
public class ClosedTabSweeper implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ClosedTabSweeper.class);

    /** How often tabs are looked at, at most: a lost push connection is noticed within this after its grace. */
    private static final long SWEEP_SECONDS = 5;

    private final UiPushScheduler scheduler;
    private final Duration lostPushGrace;
    private final Set<VaadinSession> sessions = ConcurrentHashMap.newKeySet();

    public ClosedTabSweeper(UiPushScheduler scheduler,
            @Value("${mnistlab.lost-push-grace:30s}") Duration lostPushGrace) {
        if (lostPushGrace.isNegative()) {
            throw new IllegalArgumentException("mnistlab.lost-push-grace must not be negative: " + lostPushGrace);
        }
        this.scheduler = scheduler;
        this.lostPushGrace = lostPushGrace;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        service.addSessionInitListener(e -> sessions.add(e.getSession()));
        service.addSessionDestroyListener(e -> sessions.remove(e.getSession()));
        long heartbeat = service.getDeploymentConfiguration().getHeartbeatInterval();
        long period = Math.max(1, Math.min(SWEEP_SECONDS, heartbeat));
        scheduler.executor().scheduleWithFixedDelay(() -> sweep(lostPushGrace), period, period, TimeUnit.SECONDS);
    }

    /**
     * Closes now the tabs that missed their heartbeats or whose push connection has been lost for longer than
     * {@code lostPushGrace}, and returns how many. The browser tests call it with zero to start from no tab left
     * behind by an earlier test, whose lingering listener would otherwise blur what they count.
     */
    public int closeGoneTabs(Duration lostPushGrace) {
        int closed = 0;
        for (Future<Integer> swept : sweep(lostPushGrace)) {
            try {
                closed += swept.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Cannot sweep a closing session", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return closed;
    }

    /** Sweeps every session under its own lock, without waiting for it: the scheduler's thread also pushes. */
    private List<Future<Integer>> sweep(Duration grace) {
        List<Future<Integer>> swept = new ArrayList<>();
        for (VaadinSession session : sessions) {
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            try {
                session.access(() -> {
                    try {
                        int count = closeInactiveUis(session, Instant.now(), grace);
                        if (count > 0) {
                            log.info("Closed {} tab(s) gone without their unload beacon", count);
                        }
                        closed.complete(count);
                    } catch (RuntimeException e) {
                        closed.completeExceptionally(e);
                        throw e;
                    }
                });
                swept.add(closed);
            } catch (RuntimeException e) {
                log.debug("Cannot sweep a closing session", e);
            }
        }
        return swept;
    }

    /**
     * Under the session lock: closes the UIs that missed their heartbeats or whose push connection has been lost
     * for longer than {@code lostPushGrace} at {@code now}, then removes the closed ones, which
     * detaches them. {@code close()} runs the session's queued tasks, which may hold another sweep: that one
     * skips the UIs already closing and may remove them first, hence the two passes. A session no longer open
     * is being destroyed: Vaadin closes and removes its UIs itself, one by one, and each {@code close()} may run
     * a queued sweep in between, which must not remove a UI before the destroy does.
     */
    static int closeInactiveUis(VaadinSession session, Instant now, Duration lostPushGrace) {
        if (session.getState() != VaadinSessionState.OPEN) {
            return 0;
        }
        int closed = 0;
        for (UI ui : List.copyOf(session.getUIs())) {
            if (!ui.isClosing() && (!session.getService().isUIActive(ui) || pushLost(ui, now, lostPushGrace))) {
                ui.close();
                closed++;
            }
        }
        for (UI ui : List.copyOf(session.getUIs())) {
            if (ui.isClosing() && ui.getSession() != null) {
                // as Vaadin removes closed UIs itself: with the UI current, which detaching needs
                ui.accessSynchronously(() -> session.removeUI(ui));
            }
        }
        return closed;
    }

    private static boolean pushLost(UI ui, Instant now, Duration grace) {
        return ui.getInternals().getPushConnection() instanceof TrackedPushConnection push
                && push.lostAt().filter(lostAt -> lostAt.plus(grace).isBefore(now)).isPresent();
    }
}
