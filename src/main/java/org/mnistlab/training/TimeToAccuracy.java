package org.mnistlab.training;

import java.util.ArrayList;
import java.util.List;
import org.mnistlab.dataset.DatasetKind;

/**
 * When a run's validation accuracy first reached each of its dataset's {@link #targets}: the epoch, and the
 * wall seconds of training until the end of that epoch (the stored epoch durations summed: fitting plus each
 * epoch's measuring; the data split and network build before the first epoch are left out).
 */
public record TimeToAccuracy(List<Reached> reached) {

    /** 5958 of 6000 images must count as 99.3 % although the division lands a hair below it (as V7's SQL). */
    static final double TOLERANCE = 1e-9;

    /** How many targets each dataset has: the runs grid's columns. */
    public static final int TARGETS = 3;

    /**
     * One target. Epoch and seconds are null while it is not reached.
     *
     * @param target validation accuracy as a fraction, e.g. 0.993
     */
    public record Reached(double target, Integer epoch, Double seconds) {

        public boolean isReached() {
            return epoch != null;
        }
    }

    public TimeToAccuracy {
        reached = List.copyOf(reached);
    }

    /** 99.0 / 99.3 / 99.5 % on MNIST; 85 / 90 / 92 % on Fashion-MNIST. */
    public static double[] targets(DatasetKind dataset) {
        return dataset == DatasetKind.FASHION_MNIST ? new double[] {0.85, 0.90, 0.92}
                : new double[] {0.990, 0.993, 0.995};
    }

    /** From a run's epochs in order; epochs without validation reach nothing. */
    public static TimeToAccuracy of(DatasetKind dataset, List<EpochMetrics> epochs) {
        List<Reached> reached = new ArrayList<>();
        for (double target : targets(dataset)) {
            long millis = 0;
            Reached first = new Reached(target, null, null);
            for (EpochMetrics m : epochs) {
                millis += m.durationMillis();
                if (!Double.isNaN(m.validationAccuracy()) && m.validationAccuracy() >= target - TOLERANCE) {
                    first = new Reached(target, m.epoch(), millis / 1000.0);
                    break;
                }
            }
            reached.add(first);
        }
        return new TimeToAccuracy(reached);
    }

    /** Target {@code index} (0 to {@link #TARGETS} − 1). */
    public Reached get(int index) {
        return reached.get(index);
    }
}
