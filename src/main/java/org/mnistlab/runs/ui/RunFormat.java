package org.mnistlab.runs.ui;

import java.util.Locale;
import org.mnistlab.base.ui.Format;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.TrainingEnd;

/** How the runs views write a run's own values (numbers in general: {@link Format}). */
final class RunFormat {

    private RunFormat() {
    }

    /** The run's name, or its readable default when it has none. */
    static String name(RunRecord run) {
        return run.name() == null || run.name().isBlank() ? run.config().displayName() : run.name();
    }

    /**
     * "54,000 training · 6,000 validation images" once the run started; before, what its settings ask for
     * ("subset of 1,000 training images", "all training images").
     */
    static String images(RunRecord run) {
        if (run.images() != null) {
            return Format.count(run.images().train()) + " training · " + Format.count(run.images().validation())
                    + " validation images";
        }
        int subset = run.config().trainSubset();
        return subset > 0 ? "subset of " + Format.count(subset) + " training images" : "all training images";
    }

    /** "7 / 15", and "7 / 15 (stopped early)" when early stopping ended training. */
    static String epochs(RunRecord run) {
        boolean early = run.trainingEnd().map(TrainingEnd::stoppedEarly).orElse(false);
        return run.epochsDone() + " / " + run.epochsPlanned() + (early ? " (stopped early)" : "");
    }

    /** "98.12 % (epoch 7)". */
    static String bestValidation(RunRecord run) {
        if (run.bestValidationAccuracy() == null) {
            return Format.NONE;
        }
        return Format.percent(run.bestValidationAccuracy())
                + (run.bestEpoch() == null ? "" : " (epoch " + run.bestEpoch() + ")");
    }

    /** "Finished", "Running", … */
    static String status(RunStatus status) {
        String s = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
