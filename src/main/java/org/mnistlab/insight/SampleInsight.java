package org.mnistlab.insight;

import java.util.List;

/**
 * Inside a model for one image: why it chose its class (and, for a wrong answer, what spoke for the true
 * one) and what each layer made of the image.
 *
 * @param pixels the image, 784 values in [0, 1]
 * @param predicted saliency for the predicted class
 * @param trueClass saliency for the true class when it differs from the prediction, else null
 * @param layers the conv layers' maps and the dense layers' units
 */
public record SampleInsight(float[] pixels, Saliency predicted, Saliency trueClass, List<LayerActivation> layers) {
}
