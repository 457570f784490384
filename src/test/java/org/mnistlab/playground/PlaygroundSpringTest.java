package org.mnistlab.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunFilter;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunSort;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the playground tests that need the whole app (real engine, H2, DL4J): one Spring context for all
 * of them, on its own data dir so the runs it trains are the only ones there.
 */
@SpringBootTest
public abstract class PlaygroundSpringTest {

    private static final Path DATA_DIR = createDataDir();
    /** Tiny runs trained so far in this context, by a key such as "logistic-1000". */
    private static final Map<String, Long> TRAINED = new ConcurrentHashMap<>();

    @Autowired
    protected RunQueue queue;

    @Autowired
    protected RunStore store;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("mnistlab.data-dir", DATA_DIR::toString);
    }

    /** A finished MNIST run of a tiny model (trained once per context and kept). */
    protected long tinyRun(Architecture architecture, int trainImages) {
        return TRAINED.computeIfAbsent(architecture.id() + "-" + trainImages, key -> train(architecture, trainImages, key));
    }

    /** A new finished tiny run, not shared with other tests (e.g. to delete its model file). */
    protected long freshTinyRun(String name) {
        return train(Architecture.LOGISTIC, 500, name);
    }

    /** Deletes every run, so the app has no trained model. */
    protected void deleteAllRuns() {
        for (RunRecord run : store.find(RunFilter.ALL, RunSort.NEWEST_FIRST, 0, 10_000)) {
            queue.delete(run.id());
        }
        TRAINED.clear();
    }

    private long train(Architecture architecture, int trainImages, String name) {
        RunConfig config = RunConfig.defaults(architecture, DatasetKind.MNIST)
                .toBuilder().trainSubset(trainImages).epochs(1).name(name).build();
        long id = queue.submit(config).id();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        RunRecord run = store.findById(id).orElseThrow();
        while (run.status().active() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            run = store.findById(id).orElseThrow();
        }
        if (run.status() != RunStatus.FINISHED) {
            throw new IllegalStateException("Tiny run " + name + " ended " + run.status() + ": " + run.errorMessage());
        }
        return id;
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("mnistlab-playground-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
