package org.mnistlab.training;

/**
 * How many images a run really trains and validates on: its split's sizes, which a training subset or a
 * validation split make smaller than the dataset.
 */
public record ImageCounts(int train, int validation) {
}
