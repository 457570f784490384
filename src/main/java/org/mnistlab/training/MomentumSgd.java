package org.mnistlab.training;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * SGD with classic (heavy-ball) momentum: v ← μ·v + g, w ← w − lr·v, as in PyTorch's SGD. DL4J only ships
 * plain SGD and Nesterov momentum. Fields are serialized by DL4J's JSON (field visibility), so a saved model
 * that uses it loads again as long as this class is on the classpath.
 */
public final class MomentumSgd implements IUpdater {

    private double learningRate;
    private double momentum;
    /** Null for the fixed {@code learningRate}. */
    private ISchedule learningRateSchedule;

    /** For DL4J's JSON deserialization. */
    public MomentumSgd() {
        this(0.01, 0.9);
    }

    public MomentumSgd(double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    public double getMomentum() {
        return momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater<MomentumSgd> instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater updater = new Updater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater<MomentumSgd> instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        Updater updater = new Updater(this);
        updater.setState(state, initializeStateArrays);
        return updater;
    }

    @Override
    public MomentumSgd clone() {
        MomentumSgd copy = new MomentumSgd(learningRate, momentum);
        copy.learningRateSchedule = learningRateSchedule == null ? null : learningRateSchedule.clone();
        return copy;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MomentumSgd m && Double.compare(m.learningRate, learningRate) == 0 && m.momentum == momentum
                && Objects.equals(m.learningRateSchedule, learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, learningRateSchedule);
    }

    @Override
    public String toString() {
        return "MomentumSgd(lr=" + learningRate + ", momentum=" + momentum + ")";
    }

    private static final class Updater implements GradientUpdater<MomentumSgd> {

        private final MomentumSgd config;
        private INDArray velocity;

        Updater(MomentumSgd config) {
            this.config = config;
        }

        @Override
        public MomentumSgd getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            INDArray v = state.get("V");
            if (v == null) {
                throw new IllegalStateException("MomentumSgd state needs an array 'V'");
            }
            if (initialize) {
                v.assign(0);
            }
            velocity = v;
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of("V", velocity);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder,
                                      boolean initialize) {
            if (initialize) {
                viewArray.assign(0);
            }
            velocity = viewArray.reshape(gradientOrder, gradientShape);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            // In place: the gradient becomes the step that DL4J subtracts from the parameters.
            velocity.muli(config.momentum).addi(gradient);
            gradient.assign(velocity).muli(config.getLearningRate(iteration, epoch));
        }
    }
}
