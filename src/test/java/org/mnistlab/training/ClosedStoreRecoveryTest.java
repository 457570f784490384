package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.base.MnistLabProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/** A real H2 on a disk that fills up and later has room again: the store fails while full and then recovers. */
class ClosedStoreRecoveryTest {

    @TempDir
    Path dir;

    private final DiskFullFileSystem.Disk disk = DiskFullFileSystem.register();
    private HikariDataSource dataSource;
    private RunStore store;

    @BeforeEach
    void store() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:" + DiskFullFileSystem.SCHEME + ":" + dir.resolve("mnistlab")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        dataSource.setUsername("sa");
        dataSource.setConnectionTimeout(2_000);
        ClosedStoreRecovery.install(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        store = new RunStore(JdbcClient.create(jdbc), jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new MnistLabProperties(dir, dir, false, 1));
    }

    @AfterEach
    void close() {
        disk.full = false;
        dataSource.close();
    }

    @Test
    void the_store_fails_while_the_disk_is_full_and_works_again_once_it_has_room() {
        long id = store.insertQueued(org.mnistlab.TestRuns.quick(Architecture.LOGISTIC, 1_000, 3), 100, Instant.now());
        store.markRunning(id, Instant.now(), java.util.Map.of(), java.util.Map.of());

        disk.full = true;
        assertThatThrownBy(() -> store.insertEpoch(id, epoch(1), 1, 0.5))
                .isInstanceOfAny(DataAccessException.class, TransactionException.class);
        assertThatThrownBy(() -> store.markEnded(id, RunStatus.FAILED, Instant.now(), "disk full"))
                .isInstanceOf(DataAccessException.class);

        disk.full = false;
        // a connection handed out while the database closed may fail once more; then the pool has only new ones
        await("the store accepts writes again").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> store.markEnded(id, RunStatus.FAILED, Instant.now(), "disk full"));
        assertThat(store.findById(id).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(store.epochs(id)).isEmpty();
    }

    private static EpochMetrics epoch(int n) {
        return new EpochMetrics(n, 0.5, 0.8, 0.6, 0.7, 0.001, 100, 1000);
    }
}
