package org.mnistlab.training;

/**
 * The learning rate of each epoch under a run's {@link LrSchedule}. STEP multiplies the base rate by
 * {@code factor} every {@code stepEpochs}; PLATEAU multiplies the current rate by {@code factor} once
 * {@code patience} epochs passed without a better validation loss (as Keras' ReduceLROnPlateau: an
 * improvement smaller than 0.01 % does not count, and the count restarts after each reduction).
 */
final class LearningRatePolicy {

    private final double baseRate;
    private final LrSchedule schedule;
    private double rate;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;

    LearningRatePolicy(double baseRate, LrSchedule schedule) {
        this.baseRate = baseRate;
        this.schedule = schedule;
        this.rate = baseRate;
    }

    /** The rate to train epoch {@code epoch} (from 1) with. */
    double rateFor(int epoch) {
        if (schedule.type() == LrSchedule.Type.STEP) {
            rate = baseRate * Math.pow(schedule.factor(), (epoch - 1) / schedule.stepEpochs());
        }
        return rate;
    }

    /** Tells the policy an epoch's validation loss (NaN without validation: ignored). */
    void epochEnded(double validationLoss) {
        if (schedule.type() != LrSchedule.Type.PLATEAU || Double.isNaN(validationLoss)) {
            return;
        }
        if (validationLoss < bestLoss * (1 - 1e-4)) {
            bestLoss = validationLoss;
            epochsWithoutImprovement = 0;
        } else if (++epochsWithoutImprovement >= schedule.patience()) {
            rate *= schedule.factor();
            epochsWithoutImprovement = 0;
        }
    }
}
