package org.mnistlab.training;

/**
 * How the learning rate changes during a run.
 *
 * @param type NONE (constant), STEP (multiply by {@code factor} every {@code stepEpochs}), PLATEAU (multiply by
 *             {@code factor} after {@code patience} epochs without a better validation loss), ONE_CYCLE or
 *             COSINE (both per batch, see {@link LearningRateCurve})
 * @param warmupEpochs ONE_CYCLE: epochs rising to {@code maxLearningRate}; COSINE: epochs of linear warm-up
 * @param maxLearningRate ONE_CYCLE's peak; the run's learning rate is where it starts
 */
public record LrSchedule(Type type, double factor, int stepEpochs, int patience, double warmupEpochs,
                         double maxLearningRate) {

    public enum Type {
        NONE, STEP, PLATEAU, ONE_CYCLE, COSINE;

        /** Whether the rate changes every batch (a DL4J schedule) rather than between epochs. */
        public boolean perBatch() {
            return this == ONE_CYCLE || this == COSINE;
        }
    }

    public static final LrSchedule NONE = new LrSchedule(Type.NONE, 0.5, 5, 2, 1, 0.01);

    /** Step and plateau schedules, which have no warm-up. */
    public LrSchedule(Type type, double factor, int stepEpochs, int patience) {
        this(type, factor, stepEpochs, patience, 1, 0.01);
    }

    /** Multiply the learning rate by {@code factor} every {@code everyEpochs} epochs. */
    public static LrSchedule step(double factor, int everyEpochs) {
        return new LrSchedule(Type.STEP, factor, everyEpochs, NONE.patience());
    }

    /** Reduce the rate by {@code factor} after {@code patience} epochs without a better validation loss. */
    public static LrSchedule plateau(double factor, int patience) {
        return new LrSchedule(Type.PLATEAU, factor, NONE.stepEpochs(), patience);
    }

    /** Rise from the learning rate to {@code maxLearningRate} over {@code warmupEpochs}, then anneal. */
    public static LrSchedule oneCycle(double maxLearningRate, double warmupEpochs) {
        return new LrSchedule(Type.ONE_CYCLE, NONE.factor(), NONE.stepEpochs(), NONE.patience(), warmupEpochs,
                maxLearningRate);
    }

    /** Linear warm-up to the learning rate over {@code warmupEpochs}, then a cosine down to 0. */
    public static LrSchedule cosine(double warmupEpochs) {
        return new LrSchedule(Type.COSINE, NONE.factor(), NONE.stepEpochs(), NONE.patience(), warmupEpochs,
                NONE.maxLearningRate());
    }
}
