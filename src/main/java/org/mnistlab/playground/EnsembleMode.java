package org.mnistlab.playground;

import java.util.List;

/** How several models' answers become one: averaging their probabilities, or each model voting its digit. */
public enum EnsembleMode {
    AVERAGE("average"),
    MAJORITY("majority vote");

    private final String label;

    EnsembleMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The ensemble's digit and how strongly it is held.
     *
     * @param support the mean probability of the digit (average), or the share of models that voted for it
     */
    public record Decision(int digit, float support) {
    }

    /** Decides from each model's probability vector (at least one); a tied vote goes to the higher mean. */
    public Decision decide(List<float[]> probabilities) {
        float[] mean = new float[10];
        int[] votes = new int[10];
        for (float[] p : probabilities) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += p[i] / probabilities.size();
            }
            votes[Prediction.argMax(p)]++;
        }
        if (this == AVERAGE) {
            int digit = Prediction.argMax(mean);
            return new Decision(digit, mean[digit]);
        }
        int digit = 0;
        for (int i = 1; i < votes.length; i++) {
            if (votes[i] > votes[digit] || (votes[i] == votes[digit] && mean[i] > mean[digit])) {
                digit = i;
            }
        }
        return new Decision(digit, (float) votes[digit] / probabilities.size());
    }
}
