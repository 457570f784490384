package org.mnistlab.training;

/**
 * How the learning rate changes over epochs.
 *
 * @param type NONE, STEP (multiply by {@code factor} every {@code stepEpochs}) or PLATEAU (multiply by
 *             {@code factor} after {@code patience} epochs without a better validation loss)
 */
public record LrSchedule(Type type, double factor, int stepEpochs, int patience) {

    public enum Type { NONE, STEP, PLATEAU }

    public static final LrSchedule NONE = new LrSchedule(Type.NONE, 0.5, 5, 2);

    /** Multiply the learning rate by {@code factor} every {@code everyEpochs} epochs. */
    public static LrSchedule step(double factor, int everyEpochs) {
        return new LrSchedule(Type.STEP, factor, everyEpochs, NONE.patience());
    }
}
