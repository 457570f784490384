package org.mnistlab.insight;

import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.Split;

/**
 * What an embedding maps: the raw pixels of a dataset's split, or what a trained run's penultimate layer
 * makes of its test set.
 *
 * @param runId null for raw pixels
 */
public record EmbeddingSource(DatasetKind kind, Split split, Long runId) {

    public static EmbeddingSource pixels(DatasetKind kind, Split split) {
        return new EmbeddingSource(kind, split, null);
    }

    public static EmbeddingSource features(long runId, DatasetKind kind) {
        return new EmbeddingSource(kind, Split.TEST, runId);
    }

    /** A file-name-safe key, e.g. "pixels-mnist-test" or "run-12". */
    public String key() {
        return runId == null ? "pixels-" + kind.id() + "-" + split.id() : "run-" + runId;
    }

    public String describe() {
        return runId == null ? kind.displayName() + " " + split.id() + ", raw pixels"
                : "Run #" + runId + ", penultimate-layer features of the " + kind.displayName() + " test set";
    }
}
