package org.mnistlab.sweeps;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * What a sweep costs before it starts: trials x epochs, and the wall time those epochs take at a measured
 * training throughput (one trial at a time; early stopping only makes it shorter).
 *
 * @param imagesPerSecond measured training images per second for the model; null when nothing was measured
 * @param estimate        null without a measured throughput
 */
public record SweepBudget(long trials, int epochsPerTrial, long imagesPerEpoch, Double imagesPerSecond,
                          Duration estimate) {

    public static SweepBudget of(SweepSpec spec, OptionalDouble imagesPerSecond) {
        int epochs = spec.base().epochs();
        long images = spec.base().trainSubset() > 0 ? spec.base().trainSubset() : spec.base().trainingImagesLeft();
        long trials = spec.trialCount();
        if (imagesPerSecond.isEmpty() || !(imagesPerSecond.getAsDouble() > 0)) {
            return new SweepBudget(trials, epochs, images, null, null);
        }
        double seconds = trials * epochs * images / imagesPerSecond.getAsDouble();
        return new SweepBudget(trials, epochs, images, imagesPerSecond.getAsDouble(),
                Duration.ofSeconds(Math.round(seconds)));
    }

    public long totalEpochs() {
        return trials * epochsPerTrial;
    }

    /** E.g. "12 trials x 5 epochs = 60 epochs, about 14 min at 5,200 images/s measured for this model". */
    public String describe() {
        String head = trials + " trial" + (trials == 1 ? "" : "s") + " x " + epochsPerTrial + " epoch"
                + (epochsPerTrial == 1 ? "" : "s") + " = " + totalEpochs() + " epochs";
        if (estimate == null) {
            return head + "; no time estimate yet (no finished run of this model measured its speed)";
        }
        return head + ", about " + duration(estimate) + " at " + String.format("%,.0f", imagesPerSecond)
                + " images/s measured for this model";
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 90) {
            return s + " s";
        }
        if (s < 90 * 60) {
            return Math.round(s / 60.0) + " min";
        }
        return String.format("%.1f h", s / 3600.0);
    }
}
