package org.mnistlab.insight;

import jakarta.annotation.PreDestroy;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.mnistlab.base.Listeners;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.base.UserMessages;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Sampling;
import org.mnistlab.training.NetworkInput;
import org.springframework.stereotype.Service;

/**
 * 2-D maps of samples: PCA at once (under a second for 10,000 images), kept in memory per source; t-SNE
 * ({@link Tsne}) one at a time on a background thread, its progress published to subscribers and its result
 * cached on disk ({@code <data dir>/embeddings/<source>-tsne.bin}), so it is computed once per source.
 * At most {@link #MAX_POINTS} samples are mapped: a split's first draw of that many, the same every time.
 */
@Service
public class EmbeddingService {

    public static final int MAX_POINTS = 10_000;
    private static final long SAMPLE_SEED = 16;

    private static final double PERPLEXITY = 30;

    private final DatasetService datasets;
    private final ModelInsight models;
    private final Path cacheDir;
    private final Map<EmbeddingSource, Embedding> pca = new ConcurrentHashMap<>();
    private final Map<EmbeddingSource, TsneStatus> tsne = new ConcurrentHashMap<>();
    private final Listeners<TsneStatus> listeners = new Listeners<>("t-SNE progress");
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tsne");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY); // training comes first
        return t;
    });
    private volatile boolean closing;

    public EmbeddingService(DatasetService datasets, ModelInsight models, MnistLabProperties properties) {
        this.datasets = datasets;
        this.models = models;
        this.cacheDir = properties.dataDir().resolve("embeddings");
    }

    @PreDestroy
    void close() {
        closing = true;
        worker.shutdownNow();
    }

    /** Progress and results of t-SNE runs; returns how to unsubscribe. */
    public Runnable subscribe(Consumer<TsneStatus> listener) {
        return listeners.add(listener);
    }

    /**
     * The t-SNE map of a source: from memory or the disk cache, else started in the background (once; later
     * calls see its progress).
     */
    public TsneStatus tsne(EmbeddingSource source) {
        return tsne.compute(source, (s, known) -> {
            if (known != null && known.error() == null) {
                return known;
            }
            Embedding cached = readCache(s);
            if (cached != null) {
                return new TsneStatus(s, "done", 1, cached, null);
            }
            worker.submit(() -> computeTsne(s));
            return new TsneStatus(s, "waiting for its turn", 0, null, null);
        });
    }

    private void computeTsne(EmbeddingSource source) {
        try {
            long start = System.nanoTime();
            Optional<Vectors> vectors = vectors(source);
            if (vectors.isEmpty()) {
                publish(new TsneStatus(source, "failed", 0, null, "the run has no model file"));
                return;
            }
            Vectors v = vectors.get();
            float[][] xy = Tsne.embed(v.rows(), PERPLEXITY, SAMPLE_SEED,
                    (phase, done) -> publish(new TsneStatus(source, phase, done, null, null)), () -> closing);
            if (xy == null) {
                return;
            }
            Embedding map = new Embedding(source, Embedding.Method.TSNE, v.indices(), column(xy, 0), column(xy, 1),
                    v.labels(), v.predicted(), String.format(Locale.ROOT,
                    "t-SNE of %,d samples (perplexity %.0f, %d iterations, %.0f s): near points are similar;"
                            + " distances between clusters and the axes mean nothing",
                    v.indices().length, PERPLEXITY, Tsne.ITERATIONS, (System.nanoTime() - start) / 1e9));
            writeCache(map);
            publish(new TsneStatus(source, "done", 1, map, null));
        } catch (RuntimeException e) {
            publish(new TsneStatus(source, "failed", 0, null, UserMessages.withoutPaths(e.getMessage())));
        }
    }

    private void publish(TsneStatus status) {
        tsne.put(status.source(), status);
        listeners.publish(status);
    }

    private Path cacheFile(EmbeddingSource source) {
        return cacheDir.resolve(source.key() + "-tsne.bin");
    }

    private Embedding readCache(EmbeddingSource source) {
        Path file = cacheFile(source);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            boolean predicted = in.readBoolean();
            String note = in.readUTF();
            int[] indices = new int[n];
            float[] x = new float[n];
            float[] y = new float[n];
            byte[] labels = new byte[n];
            int[] guesses = predicted ? new int[n] : null;
            for (int i = 0; i < n; i++) {
                indices[i] = in.readInt();
                x[i] = in.readFloat();
                y[i] = in.readFloat();
                labels[i] = in.readByte();
                if (predicted) {
                    guesses[i] = in.readByte();
                }
            }
            return new Embedding(source, Embedding.Method.TSNE, indices, x, y, labels, guesses, note);
        } catch (IOException e) {
            return null; // unreadable: computed again and rewritten
        }
    }

    private void writeCache(Embedding map) {
        try {
            Files.createDirectories(cacheDir);
            Path temp = Files.createTempFile(cacheDir, map.source().key(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(map.size());
                out.writeBoolean(map.predicted() != null);
                out.writeUTF(map.note());
                for (int i = 0; i < map.size(); i++) {
                    out.writeInt(map.indices()[i]);
                    out.writeFloat(map.x()[i]);
                    out.writeFloat(map.y()[i]);
                    out.writeByte(map.labels()[i]);
                    if (map.predicted() != null) {
                        out.writeByte(map.predicted()[i]);
                    }
                }
            }
            Files.move(temp, cacheFile(map.source()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The t-SNE map could not be cached", e);
        }
    }

    /**
     * The PCA map of a source.
     *
     * @return empty for a run without a model file
     * @throws org.mnistlab.dataset.DatasetUnavailableException when the dataset cannot be loaded
     */
    public Optional<Embedding> pca(EmbeddingSource source) {
        Embedding known = pca.get(source);
        if (known != null) {
            return Optional.of(known);
        }
        return vectors(source).map(v -> {
            Pca fit = Pca.fit(v.rows(), 2);
            float[][] xy = fit.project(v.rows());
            double[] ratio = fit.explainedRatio();
            Embedding map = new Embedding(source, Embedding.Method.PCA, v.indices(), column(xy, 0), column(xy, 1),
                    v.labels(), v.predicted(), String.format(Locale.ROOT,
                    "PCA of %,d samples: the horizontal axis explains %.1f %% of the variance, the vertical %.1f %%",
                    v.indices().length, 100 * ratio[0], 100 * ratio[1]));
            pca.put(source, map);
            return map;
        });
    }

    /** The vectors of a source: pixels in [0, 1], or the run's penultimate-layer features. */
    Optional<Vectors> vectors(EmbeddingSource source) {
        LabeledImages images = datasets.samples(source.kind(), source.split());
        int[] indices = Sampling.sample(IntStream.range(0, images.size()).toArray(), MAX_POINTS, SAMPLE_SEED);
        float[][] pixels = new float[indices.length][];
        byte[] labels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            pixels[i] = NetworkInput.of(images.image(indices[i]));
            labels[i] = (byte) images.label(indices[i]);
        }
        if (source.runId() == null) {
            return Optional.of(new Vectors(indices, pixels, labels, null));
        }
        return models.features(source.runId(), pixels)
                .map(f -> new Vectors(indices, f.rows(), labels, f.predicted()));
    }

    private static float[] column(float[][] rows, int c) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][c];
        }
        return out;
    }

    /** What is mapped: one row per sample. */
    record Vectors(int[] indices, float[][] rows, byte[] labels, int[] predicted) {
    }
}
