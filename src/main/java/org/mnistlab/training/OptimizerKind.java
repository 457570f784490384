package org.mnistlab.training;

/** The optimizers a run can use; momentum applies to SGD and Nesterov only. */
public enum OptimizerKind {
    ADAM("Adam"),
    SGD("SGD with momentum"),
    NESTEROV("SGD with Nesterov momentum"),
    RMSPROP("RMSProp"),
    ADADELTA("AdaDelta");

    private final String displayName;

    OptimizerKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean usesMomentum() {
        return this == SGD || this == NESTEROV;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
