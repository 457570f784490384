package org.mnistlab.training;

/**
 * The learning rate of each epoch under a run's {@link LrSchedule}. ONE_CYCLE and COSINE change it every batch
 * through a DL4J schedule ({@link #batchSchedule}); their epoch rate is the one of the epoch's first batch.
 * STEP multiplies the base rate by
 * {@code factor} every {@code stepEpochs}; PLATEAU multiplies the current rate by {@code factor} once
 * {@code patience} epochs passed without a better validation loss (as Keras' ReduceLROnPlateau: an
 * improvement smaller than 0.01 % does not count, and the count restarts after each reduction).
 */
final class LearningRatePolicy {

    private final double baseRate;
    private final LrSchedule schedule;
    /** Null unless the schedule changes the rate every batch. */
    private final LearningRateCurve curve;
    private final int batchesPerEpoch;
    private double rate;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;

    LearningRatePolicy(double baseRate, LrSchedule schedule) {
        this.baseRate = baseRate;
        this.schedule = schedule;
        this.rate = baseRate;
        this.curve = null;
        this.batchesPerEpoch = 1;
    }

    /** The policy of a run whose epochs have {@code batchesPerEpoch} batches. */
    LearningRatePolicy(RunConfig config, int batchesPerEpoch) {
        this.baseRate = config.learningRate();
        this.schedule = config.lrSchedule();
        this.rate = baseRate;
        this.curve = schedule.type().perBatch() ? LearningRateCurve.of(config, batchesPerEpoch) : null;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /** The DL4J schedule to set on the network once, before training; empty for the epoch-wise schedules. */
    java.util.Optional<BatchSchedule> batchSchedule() {
        return curve == null ? java.util.Optional.empty() : java.util.Optional.of(curve.asSchedule());
    }

    /** The rate to train epoch {@code epoch} (from 1) with. */
    double rateFor(int epoch) {
        if (schedule.type() == LrSchedule.Type.STEP) {
            rate = stepRate(baseRate, schedule, epoch);
        } else if (curve != null) {
            rate = curve.rate((long) (epoch - 1) * batchesPerEpoch);
        }
        return rate;
    }

    /** STEP's rate in epoch {@code epoch} (from 1). */
    static double stepRate(double baseRate, LrSchedule schedule, int epoch) {
        return baseRate * Math.pow(schedule.factor(), (epoch - 1) / schedule.stepEpochs());
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
