package org.mnistlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Closes the UIs of tabs that stopped sending heartbeats (closed or crashed browser, lost network), so their
 * components detach and drop their service listeners within three heartbeats. Vaadin itself only looks for
 * such UIs while their session serves a request: a session whose every tab is gone would keep them until the
 * HTTP session expires (30 minutes).
 */
@Component
public class ClosedTabSweeper implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ClosedTabSweeper.class);

    private final UiPushScheduler scheduler;
    private final Set<VaadinSession> sessions = ConcurrentHashMap.newKeySet();

    public ClosedTabSweeper(UiPushScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        service.addSessionInitListener(e -> sessions.add(e.getSession()));
        service.addSessionDestroyListener(e -> sessions.remove(e.getSession()));
        long period = Math.max(1, service.getDeploymentConfiguration().getHeartbeatInterval());
        scheduler.executor().scheduleWithFixedDelay(this::sweepAll, period, period, TimeUnit.SECONDS);
    }

    private void sweepAll() {
        for (VaadinSession session : sessions) {
            try {
                session.access(() -> closeInactiveUis(session));
            } catch (RuntimeException e) {
                log.debug("Cannot sweep a closing session", e);
            }
        }
    }

    /**
     * Under the session lock: closes the UIs that missed their heartbeats, then removes the closed ones, which
     * detaches them. {@code close()} runs the session's queued tasks, which may hold another sweep: that one
     * skips the UIs already closing and may remove them first, hence the two passes. A session no longer open
     * is being destroyed: Vaadin closes and removes its UIs itself, one by one, and each {@code close()} may run
     * a queued sweep in between, which must not remove a UI before the destroy does.
     */
    static int closeInactiveUis(VaadinSession session) {
        if (session.getState() != VaadinSessionState.OPEN) {
            return 0;
        }
        int closed = 0;
        for (UI ui : List.copyOf(session.getUIs())) {
            if (!ui.isClosing() && !session.getService().isUIActive(ui)) {
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
}
