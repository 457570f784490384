package org.mnistlab.ensembles;

import org.mnistlab.playground.EnsembleMode;
import org.mnistlab.training.Evaluation;

/** An ensemble with its full test-set evaluation in both modes. */
public record EnsembleResult(Ensemble ensemble, Evaluation average, Evaluation vote) {

    public Evaluation evaluation(EnsembleMode mode) {
        return mode == EnsembleMode.AVERAGE ? average : vote;
    }
}
