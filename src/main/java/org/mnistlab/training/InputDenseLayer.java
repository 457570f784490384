package org.mnistlab.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's first dense layer, which skips the gradient for its input. DL4J's dense layer always computes
 * it (weights × delta, as large a product as the forward pass) and the network throws it away for layer 0;
 * in the MLP that was one of the three 128×784×128 products of a training step. The weights' and bias's
 * gradients are computed as DL4J's {@code BaseLayer} does. The configuration stays DL4J's dense layer, so
 * saved models and their loading are unchanged.
 */
final class InputDenseLayer extends DenseLayer {

    private InputDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * Puts this layer in place of {@code network}'s first layer when that is a plain dense layer without layer
     * norm; call after {@code init()} and before the first fit, when DL4J hands out the gradient views.
     */
    static void replaceFirstLayer(MultiLayerNetwork network) {
        Layer[] layers = network.getLayers();
        if (layers.length == 0 || layers[0].getClass() != DenseLayer.class || ((DenseLayer) layers[0]).hasLayerNorm()) {
            return;
        }
        DenseLayer dense = (DenseLayer) layers[0];
        TrainingLayers.replace(layers, 0,
                new InputDenseLayer(dense.conf(), dense.getParam(DefaultParamInitializer.WEIGHT_KEY).dataType()));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray z = preOutputWithPreNorm(true, true, workspaceMgr).getFirst();
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        if (maskArray != null) {
            applyMask(delta);
        }
        Gradient gradient = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGradient, 0);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
        }
        INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(input.castTo(weightGradient.dataType()), delta, weightGradient, true, false, 1.0, 0.0);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
        weightNoiseParams.clear();
        return new Pair<>(gradient, null);
    }
}
