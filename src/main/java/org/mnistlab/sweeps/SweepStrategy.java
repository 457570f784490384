package org.mnistlab.sweeps;

/** How a sweep picks its trials. */
public enum SweepStrategy {
    /** Every combination of the swept values (a range gives its count of evenly spaced points). */
    GRID,
    /** A fixed number of trials, each value drawn at random (a range uniformly, on a log scale when asked). */
    RANDOM
}
