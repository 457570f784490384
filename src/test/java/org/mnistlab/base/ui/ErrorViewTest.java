package org.mnistlab.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.ErrorEvent;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.base.MnistLabProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.dao.DataAccessResourceFailureException;

/** Failures reach the user as words: no exception page, stack trace or server path. */
class ErrorViewTest extends SpringAppTest {

    static final DataAccessResourceFailureException DISK_FULL = new DataAccessResourceFailureException(
            "IO Exception: \"/srv/mnist-lab/data/mnistlab.mv.db\"",
            new IOException("No space left on device: /srv/mnist-lab/data/mnistlab.mv.db [90031-224]"));

    /** A page whose store has gone away. */
    @Route("test/store-failure")
    @AnonymousAllowed
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

    @Autowired
    DataSource dataSource;
    @Autowired
    MnistLabProperties properties;

    @Test
    void a_page_opened_while_the_real_run_store_is_closed_says_it_is_unavailable() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        // the pool reads its connection timeout (30 s) only when it starts; 1 s is enough to find H2 gone
        Field timeoutField = Class.forName("com.zaxxer.hikari.pool.PoolBase").getDeclaredField("connectionTimeout");
        timeoutField.setAccessible(true);
        Object hikariPool = pool.getHikariPoolMXBean();
        long timeout = timeoutField.getLong(hikariPool);
        // H2 cannot open the file again while this process holds its lock: the store stays closed
        try (FileChannel file = FileChannel.open(properties.dataDir().resolve("mnistlab.mv.db"), StandardOpenOption.WRITE);
             FileLock lock = await("H2 lets go of its file").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                     .until(() -> {
                         new JdbcTemplate(pool).execute("SHUTDOWN");
                         return file.tryLock();
                     }, java.util.Objects::nonNull)) {
            timeoutField.setLong(hikariPool, 1_000);
            open("runs/1");

            String shown = _get(Paragraph.class, spec -> spec.withId("error-message")).getText();
            assertThat(shown).startsWith("The run store is unavailable: ");
            assertThat(shown).doesNotContain(properties.dataDir().toString(), "Exception", "[90");
        } finally {
            timeoutField.setLong(hikariPool, timeout);
        }
        await("the store reopens").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> store.findById(1) != null);
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
