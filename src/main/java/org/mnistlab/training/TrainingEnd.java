package org.mnistlab.training;

import java.util.Locale;

/**
 * How a finished run's training ended: all planned epochs or stopped early, and which epoch's weights the
 * test evaluation and the saved model come from.
 *
 * @param epochsDone epochs trained (the last one's number)
 * @param patience the run's early-stopping patience (0 = off)
 * @param bestEpoch lowest validation loss (the last epoch without validation)
 * @param restoredBestWeights the network went back to the best epoch's weights after training past it
 */
public record TrainingEnd(int epochsDone, int epochsPlanned, boolean stoppedEarly, int patience, int bestEpoch,
                          boolean restoredBestWeights) {

    /** The epoch whose weights the test evaluation and the model file hold. */
    public int weightsEpoch() {
        return restoredBestWeights ? bestEpoch : epochsDone;
    }

    /** "Stopped early after epoch 7 of 15: validation loss did not improve for 3 epochs after epoch 4." */
    public String stopReason() {
        if (!stoppedEarly) {
            return epochsDone == 1 ? "Trained its one epoch."
                    : String.format(Locale.ROOT, "Trained all %d epochs.", epochsDone);
        }
        int without = epochsDone - bestEpoch;
        return String.format(Locale.ROOT, "Stopped early after epoch %d of %d: validation loss did not improve for"
                        + " %d epoch%s after epoch %d (patience %d).", epochsDone, epochsPlanned, without,
                without == 1 ? "" : "s", bestEpoch, patience);
    }

    /** "Test evaluation and model file: weights of epoch 4, the best epoch (restored)." */
    public String weightsSource() {
        String whose;
        if (restoredBestWeights) {
            whose = "epoch " + bestEpoch + ", the best epoch (restored after training to epoch " + epochsDone + ")";
        } else if (bestEpoch == epochsDone || bestEpoch <= 0) {
            whose = "the last epoch, " + epochsDone;
        } else {
            whose = "the last epoch, " + epochsDone + " (the best epoch, " + bestEpoch + ", was not restored)";
        }
        return "Test evaluation and model file: weights of " + whose + ".";
    }
}
