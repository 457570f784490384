package org.mnistlab.playground;

import java.util.List;

/**
 * The same drawing through several models, side by side, and their ensemble: the mean of the probability
 * vectors of the models that answered ({@code ensemble} is null when none did).
 */
public record Comparison(List<Outcome> outcomes, float[] ensemble) {

    /** One model's prediction, or why it has none. */
    public record Outcome(long runId, String modelName, Prediction prediction, String problem) {
    }

    public int ensembleDigit() {
        return Prediction.argMax(ensemble);
    }

    public float ensembleConfidence() {
        return ensemble[ensembleDigit()];
    }

    /** The ensemble's answer by this mode; null when no model answered. */
    public EnsembleMode.Decision decide(EnsembleMode mode) {
        List<float[]> answers = outcomes.stream().filter(o -> o.prediction() != null)
                .map(o -> o.prediction().probabilities()).toList();
        return answers.isEmpty() ? null : mode.decide(answers);
    }
}
