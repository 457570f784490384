package org.mnistlab.insight;

import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.Split;

/**
 * Samples placed on a plane so that similar ones lie close together.
 *
 * @param source what was mapped
 * @param method how: PCA or t-SNE
 * @param indices each point's sample index in the source's split
 * @param x horizontal coordinate per point
 * @param y vertical coordinate per point
 * @param labels each point's true label
 * @param predicted each point's predicted label, or null for raw pixels (nothing predicted)
 * @param note how to read the axes, e.g. the variance PCA's components explain
 */
public record Embedding(EmbeddingSource source, Method method, int[] indices, float[] x, float[] y, byte[] labels,
                        int[] predicted, String note) {

    /** How the points were placed. */
    public enum Method {
        PCA("PCA"), TSNE("t-SNE");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public int size() {
        return indices.length;
    }

    public boolean misclassified(int point) {
        return predicted != null && predicted[point] != labels[point];
    }

    public DatasetKind kind() {
        return source.kind();
    }

    public Split split() {
        return source.split();
    }
}
