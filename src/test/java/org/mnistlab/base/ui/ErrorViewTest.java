package org.mnistlab.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.ErrorEvent;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.springframework.dao.DataAccessResourceFailureException;

/** Failures reach the user as words: no exception page, stack trace or server path. */
class ErrorViewTest extends SpringAppTest {

    static final DataAccessResourceFailureException DISK_FULL = new DataAccessResourceFailureException(
            "IO Exception: \"/srv/mnist-lab/data/mnistlab.mv.db\"",
            new IOException("No space left on device: /srv/mnist-lab/data/mnistlab.mv.db [90031-224]"));

    /** A page whose store has gone away. */
    @Route("test/store-failure")
    public static class StoreFailurePage extends Div {
        public StoreFailurePage() {
            throw DISK_FULL;
        }
    }

    @Test
    void a_page_that_cannot_reach_the_store_says_so_without_the_exception() {
        open("test/store-failure");
        String shown = _get(Paragraph.class, spec -> spec.withId("error-message")).getText();
        assertThat(shown).isEqualTo("The run store is unavailable: No space left on device: mnistlab.mv.db. "
                + "Free space on the data directory's disk, then try again: the store reopens by itself once it can write (finished epochs are kept).");
        assertThat(shown).doesNotContain("/srv", "Exception", "90031");
    }

    @Test
    void a_failure_in_a_click_or_pushed_update_shows_a_notification() {
        new UiErrors().error(new ErrorEvent(new IllegalStateException("wrapped", DISK_FULL)));
        NotificationsKt.expectNotifications("The run store is unavailable: No space left on device: mnistlab.mv.db. "
                + "Free space on the data directory's disk, then try again: the store reopens by itself once it can write (finished epochs are kept).");
    }

    @Test
    void other_failures_name_their_cause_without_server_paths() {
        assertThat(UiErrors.message(new IllegalArgumentException("Cannot read /home/lab/data/models/run-3.zip")))
                .isEqualTo("Something went wrong: Cannot read run-3.zip. The details are in the server log.");
    }
}
