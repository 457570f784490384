package org.mnistlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.PushConnectionFactory;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ServiceLoader;
import org.atmosphere.cpr.AtmosphereResource;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mnistlab.SpringAppTest;

/**
 * A tab that stopped sending heartbeats, or whose push connection was lost and did not come back, is closed and
 * its page's run listener released, session or not.
 */
class ClosedTabSweeperTest extends SpringAppTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

    @Test
    void a_tab_whose_push_connection_stayed_lost_past_the_grace_releases_its_run_listener() {
        int before = queue.listenerCount();
        open("queue");
        VaadinSession session = VaadinSession.getCurrent();
        UI tab = UI.getCurrent();
        TrackedPushConnection push = trackedPush(tab);
        assertThat(push.lostAt()).isEmpty(); // a new tab has not connected yet: only heartbeats count

        push.connectionLost(); // the websocket closed, no unload beacon came; heartbeats are still recent
        Instant lostAt = push.lostAt().orElseThrow();
        assertThat(ClosedTabSweeper.closeInactiveUis(session, lostAt.plusSeconds(29), GRACE)).isZero();
        assertThat(queue.listenerCount()).isEqualTo(before + 1);

        UI.setCurrent(null);
        assertThat(ClosedTabSweeper.closeInactiveUis(session, lostAt.plusSeconds(31), GRACE)).isEqualTo(1);
        assertThat(queue.listenerCount()).isEqualTo(before);
        assertThat(session.getUIs()).isEmpty();
    }

    @Test
    void a_tab_whose_push_connection_came_back_stays() {
        int before = queue.listenerCount();
        open("queue");
        VaadinSession session = VaadinSession.getCurrent();
        TrackedPushConnection push = trackedPush(UI.getCurrent());
        push.connectionLost();
        Instant lostAt = push.lostAt().orElseThrow();

        push.connect(Mockito.mock(AtmosphereResource.class, Mockito.RETURNS_DEEP_STUBS)); // the browser reconnected
        assertThat(push.lostAt()).isEmpty();
        assertThat(ClosedTabSweeper.closeInactiveUis(session, lostAt.plusSeconds(300), GRACE)).isZero();
        assertThat(queue.listenerCount()).isEqualTo(before + 1);
    }

    @Test
    void vaadin_finds_the_tracked_push_connection_for_new_tabs() {
        assertThat(ServiceLoader.load(PushConnectionFactory.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(TrackedPushConnection.Factory.class);
    }

    private static TrackedPushConnection trackedPush(UI tab) {
        // as Vaadin's bootstrap sets up a browser's tab; this test framework's tabs have no push of their own
        tab.getPushConfiguration().setPushMode(PushMode.DISABLED);
        tab.getPushConfiguration().setPushConnectionFactory(new TrackedPushConnection.Factory());
        tab.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
        return (TrackedPushConnection) tab.getInternals().getPushConnection();
    }

    @Test
    void a_tab_that_missed_its_heartbeats_releases_its_run_listener() {
        int before = queue.listenerCount();
        open("queue");
        assertThat(queue.listenerCount()).isEqualTo(before + 1);
        VaadinSession session = VaadinSession.getCurrent();

        assertThat(ClosedTabSweeper.closeInactiveUis(session, Instant.now(), GRACE)).isZero(); // heartbeats arrive: the tab stays
        assertThat(queue.listenerCount()).isEqualTo(before + 1);

        UI.getCurrent().getInternals().setLastHeartbeatTimestamp(0); // the browser went away long ago
        UI.setCurrent(null); // the sweeper runs on a timer thread, where no UI is current
        assertThat(ClosedTabSweeper.closeInactiveUis(session, Instant.now(), GRACE)).isEqualTo(1);
        assertThat(queue.listenerCount()).isEqualTo(before);
        assertThat(session.getUIs()).isEmpty();
    }

    @Test
    void a_sweep_queued_while_a_tab_closes_does_not_trip_over_it() throws Exception {
        int before = queue.listenerCount();
        open("queue");
        VaadinSession session = VaadinSession.getCurrent();
        // the timer's sweep finds the session locked by this thread and waits in its queue, which close() runs
        Thread timer = new Thread(() -> session.access(() -> ClosedTabSweeper.closeInactiveUis(session, Instant.now(), GRACE)));
        timer.start();
        timer.join();

        UI.getCurrent().getInternals().setLastHeartbeatTimestamp(0);
        UI.setCurrent(null);
        assertThat(ClosedTabSweeper.closeInactiveUis(session, Instant.now(), GRACE)).isEqualTo(1);
        assertThat(queue.listenerCount()).isEqualTo(before);
        assertThat(session.getUIs()).isEmpty();
    }

    @Test
    void a_sweep_run_while_the_session_is_destroyed_leaves_its_tabs_to_the_destroy() {
        open("queue");
        VaadinSession session = VaadinSession.getCurrent();
        UI tab = UI.getCurrent();
        tab.getInternals().setLastHeartbeatTimestamp(0); // gone: a sweep of an open session closes and removes it
        // Vaadin's session destroy marks the session closing, then closes and removes each tab; each tab's close()
        // runs the session's queued tasks, which may hold a sweep. The session is seen closing through a spy: this
        // test framework's session destroys itself at once when closed.
        VaadinSession closing = Mockito.spy(session);
        Mockito.doReturn(VaadinSessionState.CLOSING).when(closing).getState();

        assertThat(ClosedTabSweeper.closeInactiveUis(closing, Instant.now(), GRACE)).isZero();
        assertThat(tab.isClosing()).isFalse();
        assertThat(session.getUIs()).containsExactly(tab); // the destroy's own removeUI would fail on a removed tab
        tab.getInternals().setLastHeartbeatTimestamp(System.currentTimeMillis()); // the real sweeper leaves it
    }
}
