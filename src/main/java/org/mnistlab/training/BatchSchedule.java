package org.mnistlab.training;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * {@link LearningRateCurve} as a DL4J schedule on the network's iteration count (one per batch). DL4J writes
 * schedules into the saved model's configuration with its shaded Jackson: the fields are marked for it (it
 * sees no private field otherwise), and the no-argument constructor and non-final fields let it load again.
 */
public final class BatchSchedule implements ISchedule {

    @JsonProperty
    private LrSchedule.Type type;
    @JsonProperty
    private double learningRate;
    @JsonProperty
    private double maxLearningRate;
    @JsonProperty
    private long warmupBatches;
    @JsonProperty
    private long totalBatches;
    /** Built on first use: DL4J asks every iteration; transient, so not written into the saved model. */
    private transient LearningRateCurve curve;

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
        if (curve == null) {
            curve = new LearningRateCurve(type, learningRate, maxLearningRate, warmupBatches, totalBatches);
        }
        return curve.rate(iteration);
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
