package org.mnistlab.playground;

import java.util.List;

/**
 * One model on every saved drawing: how many it gets right and which it gets wrong (most confident
 * mistakes first).
 */
public record MyDigitsEvaluation(long runId, String modelName, int total, int correct, List<Mistake> mistakes) {

    public record Mistake(MyDigit digit, int predicted, float confidence) {
    }

    /** The run id of an ensemble's evaluation, whose {@code modelName} describes it. */
    public static final long ENSEMBLE = 0;

    /** "#12 Simple CNN", or the ensemble's description. */
    public String title() {
        return runId == ENSEMBLE ? modelName : ModelChoice.title(runId, modelName);
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }
}
