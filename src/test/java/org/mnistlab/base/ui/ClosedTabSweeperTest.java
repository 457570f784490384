package org.mnistlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mnistlab.SpringAppTest;

/** A tab that stopped sending heartbeats is closed and its page's run listener released, session or not. */
class ClosedTabSweeperTest extends SpringAppTest {

    @Test
    void a_tab_that_missed_its_heartbeats_releases_its_run_listener() {
        int before = queue.listenerCount();
        open("queue");
        assertThat(queue.listenerCount()).isEqualTo(before + 1);
        VaadinSession session = VaadinSession.getCurrent();

        assertThat(ClosedTabSweeper.closeInactiveUis(session)).isZero(); // heartbeats arrive: the tab stays
        assertThat(queue.listenerCount()).isEqualTo(before + 1);

        UI.getCurrent().getInternals().setLastHeartbeatTimestamp(0); // the browser went away long ago
        UI.setCurrent(null); // the sweeper runs on a timer thread, where no UI is current
        assertThat(ClosedTabSweeper.closeInactiveUis(session)).isEqualTo(1);
        assertThat(queue.listenerCount()).isEqualTo(before);
        assertThat(session.getUIs()).isEmpty();
    }

    @Test
    void a_sweep_queued_while_a_tab_closes_does_not_trip_over_it() throws Exception {
        int before = queue.listenerCount();
        open("queue");
        VaadinSession session = VaadinSession.getCurrent();
        // the timer's sweep finds the session locked by this thread and waits in its queue, which close() runs
        Thread timer = new Thread(() -> session.access(() -> ClosedTabSweeper.closeInactiveUis(session)));
        timer.start();
        timer.join();

        UI.getCurrent().getInternals().setLastHeartbeatTimestamp(0);
        UI.setCurrent(null);
        assertThat(ClosedTabSweeper.closeInactiveUis(session)).isEqualTo(1);
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

        assertThat(ClosedTabSweeper.closeInactiveUis(closing)).isZero();
        assertThat(tab.isClosing()).isFalse();
        assertThat(session.getUIs()).containsExactly(tab); // the destroy's own removeUI would fail on a removed tab
        tab.getInternals().setLastHeartbeatTimestamp(System.currentTimeMillis()); // the real sweeper leaves it
    }
}
