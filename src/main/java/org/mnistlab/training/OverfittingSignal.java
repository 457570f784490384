package org.mnistlab.training;

/**
 * That a run overfits, and why in words.
 *
 * @param epoch the first epoch (from 1) at which the patience window since the best epoch was full while
 *              training loss was below the best epoch's
 * @param reason e.g. "validation loss rose for 3 epochs since its best at epoch 4 (0.081 → 0.094) while
 *               training loss kept falling (0.050 → 0.020)"
 */
public record OverfittingSignal(int epoch, String reason) {
}
