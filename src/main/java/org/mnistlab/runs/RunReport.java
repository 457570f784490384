package org.mnistlab.runs;

import java.util.List;
import java.util.Optional;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.RunRecord;

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

    /** The best epoch: the one the engine recorded, else the one with the highest validation accuracy. */
    public Optional<Integer> bestEpoch() {
        if (run.bestEpoch() != null) {
            return Optional.of(run.bestEpoch());
        }
        return LearningCurves.bestByValidationAccuracy(epochs);
    }
}
