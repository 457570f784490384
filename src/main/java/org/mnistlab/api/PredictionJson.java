package org.mnistlab.api;

/**
 * A model's answer for one picture.
 *
 * @param probabilities the ten softmax probabilities, indexed by class (digit)
 */
public record PredictionJson(long runId, String model, int digit, double confidence, float[] probabilities) {
}
