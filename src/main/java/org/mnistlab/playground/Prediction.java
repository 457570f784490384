package org.mnistlab.playground;

/** One model's answer for one drawing: the ten softmax probabilities, indexed by digit. */
public record Prediction(long runId, String modelName, float[] probabilities) {

    /** The most probable digit. */
    public int digit() {
        return argMax(probabilities);
    }

    public float confidence() {
        return probabilities[digit()];
    }

    public static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
