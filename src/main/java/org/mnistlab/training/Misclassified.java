package org.mnistlab.training;

/** A test image the model got wrong: its index in the test split and the model's confidence in the wrong class. */
public record Misclassified(int testIndex, int trueLabel, int predictedLabel, double confidence) {
}
