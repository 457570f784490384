package org.mnistlab.runs.ui;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.mnistlab.KaribuSpringTest;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.runs.RunSeeder;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the runs views' Karibu tests: the real app context (real H2 in a data dir of its own, real
 * MNIST, real engine) with a mocked browser. Subclasses share one Spring context; each test starts
 * from an empty run store and seeds what it needs through the engine's store.
 */
abstract class RunsUiTest extends KaribuSpringTest {

    /** Its own H2 file, so other tests' runs never show up here. */
    private static final Path DATA_DIR = Path.of("target", "runs-ui-test", String.valueOf(ProcessHandle.current().pid()));

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("mnistlab.data-dir", () -> DATA_DIR.toAbsolutePath().toString());
    }

    @Autowired
    RunStore store;
    @Autowired
    RunQueue queue;
    @Autowired
    DatasetService datasets;
    @Autowired
    JdbcClient jdbc;

    RunSeeder seeder;
    /** A fixed "now" so creation order is known. */
    final Instant t0 = Instant.parse("2025-03-01T09:00:00Z");

    @BeforeEach
    void emptyStore() {
        jdbc.sql("DELETE FROM runs").update(); // epochs, evaluations, misclassified cascade
        seeder = new RunSeeder(store);
    }
}
