package org.mnistlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
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
}
