package org.mnistlab.training;

import java.util.List;

/** Every layer's {@link LayerStats} for one epoch, from {@code samples} sampled training iterations. */
public record LayerDiagnostics(int epoch, int samples, List<LayerStats> layers) {

    public LayerDiagnostics {
        layers = List.copyOf(layers);
    }
}
