package org.mnistlab.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.mnistlab.base.Listeners;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.base.TaskExecutors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The datasets in memory, loaded once per dataset and shared by every user and trainer. Missing files are
 * downloaded first (when allowed); existing files are checked (structure, counts, MD5) and a bad one gives
 * a {@link DatasetUnavailableException} whose message names the file, while the app keeps running.
 */
@Service
public class DatasetService {

    private static final Logger log = LoggerFactory.getLogger(DatasetService.class);

    private final MnistLabProperties properties;
    private final DatasetDownloader downloader;
    private final Map<DatasetKind, Loaded> loaded = new EnumMap<>(DatasetKind.class);
    private final Map<DatasetKind, DatasetStatus> statuses = new EnumMap<>(DatasetKind.class);
    private final Listeners<DatasetStatus> listeners = new Listeners<>("dataset status");
    private final Map<String, byte[][]> classMeans = new ConcurrentHashMap<>();
    /** Loads datasets off the callers' threads, so a UI can show progress instead of blocking. */
    private final Executor loader;

    public DatasetService(MnistLabProperties properties, DatasetDownloader downloader,
                          @Qualifier(TaskExecutors.DATASET_LOADING) Executor loader) {
        this.properties = properties;
        this.downloader = downloader;
        this.loader = loader;
        for (DatasetKind kind : DatasetKind.values()) {
            statuses.put(kind, new DatasetStatus(kind, DatasetStatus.State.NOT_LOADED, "", -1));
        }
    }

    /** Both splits of one dataset plus the MD5 of each file, as read from disk. */
    private record Loaded(LabeledImages train, LabeledImages test, Map<String, String> md5ByFile) {
    }

    /**
     * Loads MNIST in the background at start-up so the explorer opens on warm data, then Fashion-MNIST, so
     * that a first start downloads both where they are missing.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void preloadDefault() {
        loader.execute(() -> {
            for (DatasetKind kind : DatasetKind.values()) {
                try {
                    samples(kind, Split.TRAIN);
                } catch (DatasetUnavailableException e) {
                    log.warn("{}", e.getMessage());
                }
            }
        });
    }

    /** One split, loading (and downloading) the dataset on first use. Blocks while it loads. */
    public LabeledImages samples(DatasetKind kind, Split split) {
        Loaded data = load(kind);
        return split == Split.TRAIN ? data.train() : data.test();
    }

    /** Whether the dataset is in memory, i.e. {@link #samples} returns at once. */
    public boolean isLoaded(DatasetKind kind) {
        synchronized (loaded) {
            return loaded.containsKey(kind);
        }
    }

    /**
     * Loads (and downloads) the dataset on a background thread; follow it with {@link #subscribe}. The future
     * fails with {@link DatasetUnavailableException} when the dataset cannot be used.
     */
    public CompletableFuture<Void> loadInBackground(DatasetKind kind) {
        if (isLoaded(kind)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> load(kind), loader);
    }

    /** The mean image of each class of one split (see {@link LabeledImages#classMeanImages()}), computed once. */
    public byte[][] classMeans(DatasetKind kind, Split split) {
        return classMeans.computeIfAbsent(kind.id() + "/" + split.id(), k -> samples(kind, split).classMeanImages());
    }

    /** MD5 of each of the dataset's .gz files, for run records. Loads the dataset if needed. */
    public Map<String, String> checksums(DatasetKind kind) {
        return load(kind).md5ByFile();
    }

    public DatasetStatus status(DatasetKind kind) {
        synchronized (statuses) {
            return statuses.get(kind);
        }
    }

    public Path directory(DatasetKind kind) {
        return properties.datasetsDir().resolve(kind.id());
    }

    /** Receives every status change (download progress, loaded, failed); returns the way to unsubscribe. */
    public Runnable subscribe(Consumer<DatasetStatus> listener) {
        return listeners.add(listener);
    }

    private Loaded load(DatasetKind kind) {
        synchronized (loaded) {
            Loaded data = loaded.get(kind);
            if (data != null) {
                return data;
            }
        }
        // One loader per dataset at a time; other callers wait for its result.
        synchronized (lockFor(kind)) {
            synchronized (loaded) {
                if (loaded.containsKey(kind)) {
                    return loaded.get(kind);
                }
            }
            try {
                Loaded data = readFromDisk(kind);
                synchronized (loaded) {
                    loaded.put(kind, data);
                }
                publish(new DatasetStatus(kind, DatasetStatus.State.READY,
                        data.train().size() + " training and " + data.test().size() + " test images", 1));
                return data;
            } catch (DatasetFileException e) {
                // Pages show the file within the datasets dir; the server's own path is for the log only.
                log.warn("{} is not available: {}", kind.displayName(), e.getMessage());
                String problem = e.messageRelativeTo(properties.datasetsDir());
                publish(new DatasetStatus(kind, DatasetStatus.State.FAILED, problem, -1));
                throw new DatasetUnavailableException(kind.displayName() + " is not available: " + problem, e);
            }
        }
    }

    private Object lockFor(DatasetKind kind) {
        return kind; // enum constants are singletons: a natural per-dataset lock
    }

    private Loaded readFromDisk(DatasetKind kind) {
        Path dir = directory(kind);
        fetchMissing(kind, dir);
        publish(new DatasetStatus(kind, DatasetStatus.State.LOADING, "Reading the " + kind.displayName() + " files", -1));
        long start = System.nanoTime();
        LabeledImages train = readSplit(kind, Split.TRAIN, dir);
        LabeledImages test = readSplit(kind, Split.TEST, dir);
        long parsedMs = (System.nanoTime() - start) / 1_000_000;
        Map<String, String> md5s = verifyChecksums(kind, dir);
        log.info("Parsed {} train+test ({} + {} images) in {} ms; checksums verified in {} ms", kind.displayName(),
                train.size(), test.size(), parsedMs, (System.nanoTime() - start) / 1_000_000 - parsedMs);
        return new Loaded(train, test, md5s);
    }

    private void fetchMissing(DatasetKind kind, Path dir) {
        for (String file : kind.fileNames()) {
            Path target = dir.resolve(file);
            if (Files.exists(target)) {
                continue;
            }
            if (!properties.download()) {
                throw new DatasetFileException(target, "file is missing (downloads are switched off)");
            }
            log.info("Downloading {} of {} into {}", file, kind.displayName(), dir);
            String what = "Downloading " + file + " (" + (kind.fileNames().indexOf(file) + 1) + " of "
                    + kind.fileNames().size() + ")";
            publish(new DatasetStatus(kind, DatasetStatus.State.DOWNLOADING, what, 0));
            // Chunks arrive every 64 KB: tell listeners (and browsers) only about whole-percent steps.
            long[] lastStep = {-1};
            downloader.download(kind, file, kind.mirrors(), target, p -> {
                double f = p.fraction();
                long step = f >= 0 ? Math.round(f * 100) : p.bytesRead() >> 20; // percent, or MB when size unknown
                if (step != lastStep[0]) {
                    lastStep[0] = step;
                    String message = f >= 0 ? what : what + ", " + step + " MB";
                    publish(new DatasetStatus(kind, DatasetStatus.State.DOWNLOADING, message, f));
                }
            });
        }
    }

    static LabeledImages readSplit(DatasetKind kind, Split split, Path dir) {
        Path imagesFile = dir.resolve(split.imagesFile());
        Path labelsFile = dir.resolve(split.labelsFile());
        byte[] pixels = IdxReader.readImages(imagesFile, split.publishedSize());
        byte[] labels = IdxReader.readLabels(labelsFile, split.publishedSize());
        int images = pixels.length / DatasetKind.PIXELS;
        if (images != labels.length) {
            throw new DatasetFileException(labelsFile, "image/label count mismatch: " + labels.length
                    + " labels for " + images + " images in " + imagesFile.getFileName());
        }
        return new LabeledImages(kind, split, images, pixels, labels);
    }

    private Map<String, String> verifyChecksums(DatasetKind kind, Path dir) {
        Map<String, String> md5s = new LinkedHashMap<>();
        for (String file : kind.fileNames()) {
            Path path = dir.resolve(file);
            try {
                String md5 = DatasetDownloader.md5Of(path);
                if (!md5.equalsIgnoreCase(kind.md5(file))) {
                    throw new DatasetFileException(path, "checksum mismatch: MD5 is " + md5 + ", expected "
                            + kind.md5(file));
                }
                md5s.put(file, md5);
            } catch (IOException e) {
                throw new DatasetFileException(path, "cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return md5s;
    }

    private void publish(DatasetStatus status) {
        synchronized (statuses) {
            statuses.put(status.kind(), status);
        }
        listeners.publish(status);
    }
}
