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
}
