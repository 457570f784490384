package org.mnistlab.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.Split;
import org.springframework.beans.factory.annotation.Autowired;

/** t-SNE of the 10,000 MNIST test images' raw pixels: time, and whether same-digit neighbours stay together. */
@Tag("benchmark")
class TsneBenchmarkTest extends SpringAppTest {

    @Autowired
    EmbeddingService embeddings;

    @Test
    void maps_10000_test_images() {
        EmbeddingService.Vectors v = embeddings.vectors(EmbeddingSource.pixels(DatasetKind.MNIST, Split.TEST))
                .orElseThrow();
        long start = System.nanoTime();
        float[][] xy = Tsne.embed(v.rows(), 30, 16, (phase, done) -> { }, () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;

        int agree = 0;
        int checked = 1000;
        for (int i = 0; i < checked; i++) {
            agree += v.labels()[TsneTest.nearestOnMap(xy, i)] == v.labels()[i] ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "PERF t-SNE of %,d MNIST test images (784 px -> PCA 50 -> 2-D, %d iterations):"
                + " %.1f s; nearest map neighbour has the same label for %.1f %% of 1,000 points, %d cores%n",
                xy.length, Tsne.ITERATIONS, seconds, 100.0 * agree / checked, Runtime.getRuntime().availableProcessors());
        assertThat(agree).as("t-SNE of MNIST pixels keeps digits together").isGreaterThan(checked * 85 / 100);
    }
}
