package org.mnistlab.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.NetworkOutput;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reads a network's first-layer filters and a sample's activations per layer, for any catalog model. */
final class LayerMaps {

    /** A first dense layer has 100s of units; the page shows the first ones. */
    static final int MAX_DENSE_FILTERS = 64;

    private LayerMaps() {
    }

    /** The first conv layer's kernels, else the first dense layer's weights per unit; empty for logistic. */
    static Optional<Filters> filters(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            var conf = layer.conf().getLayer();
            if (conf instanceof ConvolutionLayer) {
                INDArray w = layer.getParam("W"); // [out, in, kH, kW]; MNIST has one input channel
                int out = (int) w.size(0);
                int k = (int) w.size(2);
                float[][] rows = w.dup().reshape(out, w.length() / out).toFloatMatrix();
                List<float[]> kernels = new ArrayList<>();
                for (float[] row : rows) {
                    kernels.add(java.util.Arrays.copyOf(row, k * k));
                }
                return Optional.of(new Filters(conf.getLayerName(), true, k, kernels, out));
            }
            if (conf instanceof DenseLayer) {
                INDArray w = layer.getParam("W"); // [784, units]
                int units = (int) w.size(1);
                List<float[]> images = new ArrayList<>();
                for (int u = 0; u < Math.min(units, MAX_DENSE_FILTERS); u++) {
                    images.add(w.getColumn(u).dup().toFloatVector());
                }
                return Optional.of(new Filters(conf.getLayerName(), false, DatasetKind.IMAGE_SIZE, images, units));
            }
        }
        return Optional.empty();
    }

    /**
     * Every conv layer's feature maps and every hidden dense layer's units for one image (inference mode).
     * Where the catalog moved a conv block's ReLU behind its pooling, the maps get the ReLU here, as the
     * network computes the same function either way.
     */
    static List<LayerActivation> activations(MultiLayerNetwork network, float[] pixels) {
        List<INDArray> outputs = NetworkOutput.activations(network, Nd4j.createFromArray(new float[][] {pixels}));
        List<LayerActivation> result = new ArrayList<>();
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            var conf = layers[i].conf().getLayer();
            INDArray out = outputs.get(i + 1);
            if (conf instanceof ConvolutionLayer conv) {
                float[] values = out.dup().reshape(out.length()).toFloatVector();
                if (conv.getActivationFn() instanceof ActivationIdentity) {
                    for (int v = 0; v < values.length; v++) {
                        values[v] = Math.max(0, values[v]);
                    }
                }
                result.add(new LayerActivation(conf.getLayerName(), (int) out.size(1), (int) out.size(2),
                        (int) out.size(3), values));
            } else if (conf instanceof DenseLayer) {
                result.add(new LayerActivation(conf.getLayerName(), (int) out.size(1), 1, 1,
                        out.dup().reshape(out.length()).toFloatVector()));
            }
        }
        return result;
    }

    /**
     * What the output layer sees (the penultimate layer's output) and the predicted class, per image.
     *
     * @param images rows of 784 pixels in [0, 1]
     */
    static Features features(MultiLayerNetwork network, float[][] images) {
        int last = network.getLayers().length;
        float[][] features = new float[images.length][];
        int[] predicted = new int[images.length];
        int batch = 500;
        for (int from = 0; from < images.length; from += batch) {
            int to = Math.min(images.length, from + batch);
            float[][] rows = java.util.Arrays.copyOfRange(images, from, to);
            List<INDArray> outputs = NetworkOutput.activations(network, Nd4j.createFromArray(rows));
            INDArray penultimate = outputs.get(last - 1);
            float[][] f = penultimate.reshape(to - from, penultimate.length() / (to - from)).toFloatMatrix();
            int[] p = outputs.get(last).argMax(1).toIntVector();
            System.arraycopy(f, 0, features, from, to - from);
            System.arraycopy(p, 0, predicted, from, to - from);
        }
        return new Features(features, predicted);
    }

    /** Penultimate-layer features and predictions of a batch of images. */
    record Features(float[][] rows, int[] predicted) {
    }
}
