package org.mnistlab.training;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * {@link LearningRateCurve} as a DL4J schedule on the network's iteration count (one per batch). DL4J writes
 * schedules into the saved model's configuration by field, so the no-argument constructor and non-final
 * fields let a saved model load again.
 */
public final class BatchSchedule implements ISchedule {

    private LrSchedule.Type type;
    private double learningRate;
    private double maxLearningRate;
    private long warmupBatches;
    private long totalBatches;

    /** For DL4J's JSON deserialization. */
    public BatchSchedule() {
        this(LrSchedule.Type.NONE, 0.001, 0.01, 0, 1);
    }

    BatchSchedule(LrSchedule.Type type, double learningRate, double maxLearningRate, long warmupBatches,
                  long totalBatches) {
        this.type = type;
        this.learningRate = learningRate;
        this.maxLearningRate = maxLearningRate;
        this.warmupBatches = warmupBatches;
        this.totalBatches = totalBatches;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return new LearningRateCurve(type, learningRate, maxLearningRate, warmupBatches, totalBatches).rate(iteration);
    }

    @Override
    public ISchedule clone() {
        return new BatchSchedule(type, learningRate, maxLearningRate, warmupBatches, totalBatches);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchSchedule b && b.type == type && b.learningRate == learningRate
                && b.maxLearningRate == maxLearningRate && b.warmupBatches == warmupBatches
                && b.totalBatches == totalBatches;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(type, learningRate, maxLearningRate, warmupBatches, totalBatches);
    }
}
