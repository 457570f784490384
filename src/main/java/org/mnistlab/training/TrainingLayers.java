package org.mnistlab.training;

import org.deeplearning4j.nn.api.Layer;

/** Swapping a layer of an initialized network for one that trains it differently, on the same parameters. */
final class TrainingLayers {

    private TrainingLayers() {
    }

    /**
     * Puts {@code replacement} at {@code index}, with the replaced layer's listeners, index and parameter views;
     * call after {@code init()} and before the first fit, when DL4J hands out the gradient views.
     */
    static void replace(Layer[] layers, int index, Layer replacement) {
        Layer replaced = layers[index];
        replacement.setListeners(replaced.getListeners());
        replacement.setIndex(replaced.getIndex());
        if (replaced.numParams() > 0) {
            replacement.setParamsViewArray(replaced.params());
            replacement.setParamTable(replaced.paramTable());
        }
        layers[index] = replacement;
    }
}
