package org.mnistlab.cluster;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.dataset.DatasetDownloader;
import org.mnistlab.dataset.DatasetService;

/**
 * The datasets of an executor JVM, read from the shared datasets directory once and kept for every run the
 * executor trains afterwards. Static because an executor has no Spring context to hold them; never downloads.
 */
final class ExecutorDatasets {

    private static final Map<Path, DatasetService> BY_DIRECTORY = new ConcurrentHashMap<>();

    private ExecutorDatasets() {
    }

    static DatasetService in(Path datasetsDir) {
        return BY_DIRECTORY.computeIfAbsent(datasetsDir.toAbsolutePath().normalize(), dir -> new DatasetService(
                new MnistLabProperties(dir.resolve(".executor"), dir, false, 1), new DatasetDownloader(), Runnable::run));
    }
}
