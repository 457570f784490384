package org.mnistlab.training;

/**
 * One layer's health over an epoch, averaged over the sampled training iterations. NaN where a value does
 * not apply: parameter and update values for a layer without parameters, the activation spread of the
 * output layer (DL4J hands listeners the activations up to the layer before it).
 *
 * @param meanAbsParam mean |w| over the layer's parameters after the update
 * @param meanAbsUpdate mean |Δw| the updater applied (learning rate, momentum and weight decay included)
 * @param activationStd standard deviation of the layer's output over the batch
 * @param gradientStd standard deviation of the loss gradient with respect to the layer's parameters
 */
public record LayerStats(int layer, String name, double meanAbsParam, double meanAbsUpdate,
                         double activationStd, double gradientStd) {

    /** Update:parameter ratio; around 1e-3 is the usual healthy rate, far below learns slowly, far above is unstable. */
    public double updateRatio() {
        return meanAbsParam > 0 ? meanAbsUpdate / meanAbsParam : Double.NaN;
    }

    /** Whether the layer has parameters (and so an update ratio). */
    public boolean trainable() {
        return !Double.isNaN(meanAbsParam);
    }
}
