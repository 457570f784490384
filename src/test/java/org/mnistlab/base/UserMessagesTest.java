package org.mnistlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UserMessagesTest {

    @Test
    void a_full_disk_gets_the_free_space_advice_without_h2_codes_or_paths() {
        var failure = new SQLException("IO Exception [90028-232]",
                new IOException("No space left on device: /srv/lab/data/mnistlab.mv.db"));
        assertThat(UserMessages.storeUnavailable(failure))
                .startsWith("The run store is unavailable: No space left on device: mnistlab.mv.db. Free space")
                .doesNotContain("/srv", "90028");
    }

    @Test
    void a_database_h2_closed_itself_gets_the_free_space_advice() {
        assertThat(UserMessages.storeUnavailable(new SQLException("The database has been closed [90098-232]")))
                .isEqualTo("The run store is unavailable: The database has been closed. Free space on the data "
                        + "directory's disk, then try again: the store reopens by itself once it can write (finished "
                        + "epochs are kept).");
    }

    @Test
    void a_lock_is_not_blamed_on_the_disk() {
        var failure = new SQLException("Could not lock the file", new OverlappingFileLockException());
        assertThat(UserMessages.storeUnavailable(failure))
                .isEqualTo("The run store is unavailable: Could not lock the file. Check that the data directory "
                        + "can be written and that no other MNIST Lab process uses it, then try again (finished "
                        + "epochs are kept).");
    }
}
