package org.mnistlab.training;

/**
 * One epoch where a run showed overfitting, with the reason in words for the dashboard.
 *
 * @param epoch the epoch (from 1) at which the signal fired
 */
public record OverfittingSignal(int epoch, Kind kind, String message) {

    public enum Kind {
        /** Validation loss rose for N epochs in a row while training loss fell. */
        VALIDATION_LOSS_RISING,
        /** Training accuracy exceeded validation accuracy by more than the threshold. */
        ACCURACY_GAP
    }
}
