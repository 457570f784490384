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

    /**
     * The best epoch: the one the trainer recorded (for a run without validation, its last epoch, whose
     * weights it kept), else the {@link BestEpoch} of the stored epochs.
     */
    public Optional<Integer> bestEpoch() {
        if (run.bestEpoch() != null && run.bestEpoch() > 0) {
            return Optional.of(run.bestEpoch());
        }
        BestEpoch best = BestEpoch.of(epochs);
        return best.exists() ? Optional.of(best.epoch()) : Optional.empty();
    }
}
