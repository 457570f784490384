package org.mnistlab.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's first convolution, which skips the gradient for its input. DL4J's conv layer computes it with
 * oneDNN's backward-data pass, which for a one-channel input took about 60 % of the layer's backward pass
 * (2.4 of 3.9 ms for 64 images through 32 filters of 3×3); the network throws it away for layer 0.
 * <p>
 * The weights' gradient is itself a convolution: {@code dW[o][k] = Σ_n Σ_p delta[n][o][p] · x[n][p + k]}, i.e.
 * the batch's images taken as the channels of one image, convolved with the deltas as a kernel of the output's
 * size. The bias's gradient is the deltas' sum per filter, one matrix-vector product. Together 1.7-2.5 ms
 * against 3.4-4.3 for DL4J's whole backward pass (same machine, same shapes); the weights' gradient agrees with
 * DL4J's to float rounding (another summation order). It takes a one-channel NCHW input, stride and dilation 1
 * and explicit padding, as the catalog's CNNs have; other first layers stay DL4J's. The configuration is DL4J's
 * conv layer, so saved models and their loading are unchanged.
 */
final class InputConvolutionLayer extends ConvolutionLayer {

    /** Stored with each run (see {@link BackendInfo}): runs trained before it sum the first gradient differently. */
    static final String VERSION = "1";

    /** With {@link StepReluBackprop} where the layer has a plain ReLU, as the other conv layers; else null. */
    private final org.deeplearning4j.nn.conf.layers.ConvolutionLayer computing;
    private OpContext weightGradientOp;
    private INDArray ones;

    private InputConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        computing = StepReluBackprop.isPlainRelu(super.layerConf().getActivationFn())
                ? StepReluBackprop.computingCopy(super.layerConf(),
                        org.deeplearning4j.nn.conf.layers.ConvolutionLayer::setActivationFn)
                : null;
    }

    @Override
    public org.deeplearning4j.nn.conf.layers.ConvolutionLayer layerConf() {
        return computing == null ? super.layerConf() : computing; // null while DL4J's constructor runs
    }

    /**
     * Puts this layer in place of {@code network}'s first layer when that is a conv layer it can compute; call
     * after {@code init()} and before the first fit, when DL4J hands out the gradient views.
     */
    static void replaceFirstLayer(MultiLayerNetwork network) {
        Layer[] layers = network.getLayers();
        if (layers.length == 0 || layers[0].getClass() != ConvolutionLayer.class) {
            return;
        }
        ConvolutionLayer conv = (ConvolutionLayer) layers[0];
        var conf = conv.layerConf();
        INDArray weights = conv.getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        boolean computable = conf.getCnn2dDataFormat() == CNN2DFormat.NCHW && conf.getNIn() == 1
                && conf.getConvolutionMode() != ConvolutionMode.Same && conf.getWeightNoise() == null
                && weights.dataType() == DataType.FLOAT
                && conf.getStride()[0] == 1 && conf.getStride()[1] == 1
                && conf.getDilation()[0] == 1 && conf.getDilation()[1] == 1;
        if (!computable) {
            return;
        }
        TrainingLayers.replace(layers, 0, new InputConvolutionLayer(conv.conf(), weights.dataType()));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray z = preOutput4d(true, true, workspaceMgr).getFirst(); // kept from the forward pass
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon.castTo(dataType)).getFirst(); // [n, o, h, w]
        long n = delta.size(0);
        long filters = delta.size(1);
        long outH = delta.size(2);
        long outW = delta.size(3);

        // the deltas as the kernel [o, n, outH, outW], the batch's images as one image of n channels
        INDArray kernel = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {filters, n, outH, outW}, 'c');
        kernel.assign(delta.permute(1, 0, 2, 3));
        INDArray images = input.castTo(dataType).reshape('c', 1, n, input.size(2), input.size(3));

        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY); // [o, 1, kH, kW]
        INDArray out = Shape.newShapeNoCopy(weightGradient,
                new long[] {1, filters, weightGradient.size(2), weightGradient.size(3)}, false);
        if (weightGradientOp == null) {
            weightGradientOp = Nd4j.getExecutioner().buildContext();
        }
        OpContext op = weightGradientOp;
        op.purge();
        int[] padding = layerConf().getPadding();
        // kernel h, w (the output's size); stride h, w; padding h, w; dilation h, w; not "same"; NCHW; weights
        // [oC, iC, kH, kW]
        op.setIArguments(outH, outW, 1, 1, padding[0], padding[1], 1, 1, 0, 0, 1);
        op.setInputArrays(images, kernel);
        op.setOutputArrays(out);
        Nd4j.exec(new Conv2D(), op);

        Gradient gradient = new DefaultGradient();
        if (layerConf().hasBias()) {
            INDArray biasGradient = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY); // [1, o]
            INDArray perFilter = kernel.reshape('c', filters, n * outH * outW);
            Nd4j.gemm(perFilter, ones(perFilter.size(1)), biasGradient.reshape('c', filters, 1), false, false, 1.0,
                    0.0);
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
        weightNoiseParams.clear();
        // No input gradient, but DL4J hands layer 0's to the input preprocessor (flat pixels to images), which
        // reshapes whatever it gets before the network drops it: zeros of the input's shape, not null.
        INDArray noInputGradient = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        return new Pair<>(gradient, noInputGradient);
    }

    /** A column of ones, kept outside the training workspaces, which are reused every batch. */
    private INDArray ones(long length) {
        if (ones == null || ones.length() != length) {
            try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                ones = Nd4j.ones(dataType, length, 1);
            }
        }
        return ones;
    }
}
