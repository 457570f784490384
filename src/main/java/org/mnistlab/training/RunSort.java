package org.mnistlab.training;

/** Sort order of a run list. */
public record RunSort(Column column, boolean ascending) {

    public enum Column { CREATED, NAME, DATASET, ARCHITECTURE, STATUS, EPOCHS, BEST_VALIDATION_ACCURACY,
        TEST_ACCURACY, DURATION, PARAMETERS,
        /** Seconds to each of the dataset's {@link TimeToAccuracy} targets. */
        TIME_TO_TARGET_1, TIME_TO_TARGET_2, TIME_TO_TARGET_3 }

    public static final RunSort NEWEST_FIRST = new RunSort(Column.CREATED, false);
}
