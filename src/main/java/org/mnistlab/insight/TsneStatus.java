package org.mnistlab.insight;

/**
 * Where a source's t-SNE map stands.
 *
 * @param phase what it is doing, in words
 * @param progress 0..1
 * @param result the map once done, else null
 * @param error why it failed (words for a person), else null
 */
public record TsneStatus(EmbeddingSource source, String phase, double progress, Embedding result, String error) {
}
