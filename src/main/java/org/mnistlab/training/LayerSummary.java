package org.mnistlab.training;

/** One row of a model's layer table, e.g. ("conv1", "Convolution 3×3", "32×26×26", 320). */
public record LayerSummary(String name, String type, String outputShape, long parameters) {
}
