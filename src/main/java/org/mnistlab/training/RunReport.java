package org.mnistlab.training;

import java.util.List;
import java.util.Optional;

/**
 * Everything stored about one run, read together: the record, its finished epochs in order and, for a
 * finished run, its test-set evaluation (null otherwise).
 */
public record RunReport(RunRecord run, List<EpochMetrics> epochs, Evaluation evaluation) {

    public RunReport {
        epochs = List.copyOf(epochs);
    }

    public Optional<Evaluation> evaluationIfAny() {
        return Optional.ofNullable(evaluation);
    }

    /** What the overfitting detector reads in this run's curves (best epoch, overfitting signals). */
    public OverfittingReport overfitting() {
        return new OverfittingDetector().analyze(epochs);
    }

    /** The best epoch (lowest validation loss): the one the engine recorded, else the detector's. */
    public Optional<Integer> bestEpoch() {
        if (run.bestEpoch() != null && run.bestEpoch() > 0) {
            return Optional.of(run.bestEpoch());
        }
        int best = overfitting().bestEpoch();
        return best > 0 ? Optional.of(best) : Optional.empty();
    }
}
