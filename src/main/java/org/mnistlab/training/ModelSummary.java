package org.mnistlab.training;

import java.util.List;

/** A model's layer-by-layer summary and its total number of trainable parameters. */
public record ModelSummary(List<LayerSummary> layers, long totalParameters) {
}
