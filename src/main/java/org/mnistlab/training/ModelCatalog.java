package org.mnistlab.training;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.mnistlab.base.NativeBackend;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.springframework.stereotype.Component;

/**
 * The architectures as DL4J networks: builds them from a config and summarizes their layers. Every network
 * takes [N, 784] floats (pixel / 255) and ends in a 10-way softmax trained with multi-class cross-entropy.
 * The config's regularization switches apply to every architecture: batch norm after each conv / hidden
 * dense layer, conv dropout at the end of each conv block, dense dropout after each hidden dense layer. The
 * regularized CNN is the simple CNN with those switched on by its defaults.
 */
@Component
public class ModelCatalog {

    private final CNN2DFormat format;
    private final CacheMode cacheMode;
    private final boolean reluAfterPool;

    public ModelCatalog() {
        this(CNN2DFormat.NCHW, CacheMode.DEVICE, true);
    }

    /**
     * For throughput experiments: activation layout of conv layers, DL4J's forward-pass cache, and whether
     * a conv block without batch norm applies ReLU after pooling (same function, see {@link #convBlock}).
     */
    ModelCatalog(CNN2DFormat format, CacheMode cacheMode, boolean reluAfterPool) {
        // Anything that builds networks may be the first to touch ND4J: pick the native build first.
        NativeBackend.configure();
        this.format = format;
        this.cacheMode = cacheMode;
        this.reluAfterPool = reluAfterPool;
    }

    /** The DL4J configuration this run config describes (nothing allocated). */
    public MultiLayerConfiguration configuration(RunConfig config) {
        List<Layer> layers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        layersOf(config, layers, names);
        var list = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .updater(updater(config))
                .l1(config.l1())
                .l2(config.l2())
                .weightInit(WeightInit.RELU)
                // Keeps each conv layer's forward output for backprop; without it DL4J runs every
                // convolution twice per batch (about 15 % of a CNN's training time).
                .cacheMode(cacheMode)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            layer.setLayerName(names.get(i));
            list.layer(i, layer);
        }
        return list.setInputType(inputType(config.architecture())).build();
    }

    /**
     * A freshly initialized network (weights from the config's seed), for training: a first dense or conv layer
     * skips the gradient for the input nobody uses ({@link InputDenseLayer}, {@link InputConvolutionLayer}),
     * ReLU's backward pass is two vectorized passes ({@link StepReluBackprop}), batch norm trains through
     * {@link TrainingBatchNorm} and, without the AVX-512 build, max pooling through {@link TrainingMaxPooling}.
     */
    public MultiLayerNetwork build(RunConfig config) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(config));
        network.init();
        InputDenseLayer.replaceFirstLayer(network);
        InputConvolutionLayer.replaceFirstLayer(network);
        StepReluBackprop.install(network);
        TrainingBatchNorm.install(network);
        if (TrainingMaxPooling.fasterThanOneDnn()) {
            TrainingMaxPooling.install(network);
        }
        return network;
    }

    /** Layer table and parameter count of the network this config builds (cheap: no training). */
    public ModelSummary summarize(RunConfig config) {
        MultiLayerConfiguration conf = configuration(config);
        List<InputType> outputs = conf.getLayerActivationTypes(inputType(config.architecture()));
        List<LayerSummary> rows = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            NeuralNetConfiguration layerConf = conf.getConf(i);
            Layer layer = layerConf.getLayer();
            long params = layer.initializer().numParams(layerConf);
            total += params;
            rows.add(new LayerSummary(layer.getLayerName(), describe(layer), shape(outputs.get(i)), params));
        }
        return new ModelSummary(List.copyOf(rows), total);
    }

    /**
     * A rough memory estimate of training this configuration (see {@link MemoryEstimate}) against
     * {@code budgetBytes}: float32 values; parameters twice (values and gradients) plus the optimizer's
     * state; per example each layer's output three times (output, gradient, pre-activation) and each
     * convolution's im2col buffer (input channels × kernel² × output positions).
     */
    public MemoryEstimate estimateMemory(RunConfig config, long budgetBytes) {
        MultiLayerConfiguration conf = configuration(config);
        List<InputType> outputs = conf.getLayerActivationTypes(inputType(config.architecture()));
        long parameters = 0;
        long perExample = 0;
        InputType in = inputType(config.architecture());
        for (int i = 0; i < conf.getConfs().size(); i++) {
            NeuralNetConfiguration layerConf = conf.getConf(i);
            Layer layer = layerConf.getLayer();
            parameters += layer.initializer().numParams(layerConf);
            InputType out = outputs.get(i);
            perExample += 3 * out.arrayElementsPerExample();
            if (layer instanceof ConvolutionLayer conv && out instanceof InputType.InputTypeConvolutional o) {
                long inChannels = in instanceof InputType.InputTypeConvolutional ic ? ic.getChannels()
                        : in instanceof InputType.InputTypeConvolutionalFlat ? 1 : 1;
                perExample += inChannels * conv.getKernelSize()[0] * conv.getKernelSize()[1] * o.getHeight() * o.getWidth();
            }
            in = out;
        }
        int updaterSlots = (int) Math.max(0, updater(config).stateSize(1));
        long batch = config.batchSize();
        long inputs = batch * (DatasetKind.PIXELS * (config.augmentation().enabled() ? 2L : 1L) + DatasetKind.CLASSES);
        return new MemoryEstimate(4 * parameters * (2 + updaterSlots), 4 * batch * perExample, 4 * inputs, budgetBytes);
    }

    /** Input as DL4J sees it: CNNs reshape the flat 784 vector to 1×28×28 themselves. */
    static InputType inputType(Architecture architecture) {
        return architecture.convolutional()
                ? InputType.convolutionalFlat(DatasetKind.IMAGE_SIZE, DatasetKind.IMAGE_SIZE, 1)
                : InputType.feedForward(DatasetKind.PIXELS);
    }

    static IUpdater updater(RunConfig config) {
        double lr = config.learningRate();
        return switch (config.optimizer()) {
            case ADAM -> new Adam(lr);
            case SGD -> new MomentumSgd(lr, config.momentum());
            case NESTEROV -> new Nesterovs(lr, config.momentum());
            case RMSPROP -> new RmsProp(lr, 0.9, 1e-8);
            // DL4J's AdaDelta has no learning rate (Zeiler's original form); the configured rate is not used.
            case ADADELTA -> new AdaDelta();
        };
    }

    private void layersOf(RunConfig c, List<Layer> layers, List<String> names) {
        switch (c.architecture()) {
            case LOGISTIC -> {
            }
            case MLP -> {
                int i = 1;
                for (int size : c.hiddenLayers()) {
                    dense(c, layers, names, i++, size);
                }
            }
            case SIMPLE_CNN, REGULARIZED_CNN -> {
                convBlock(c, layers, names, 1, 32, 3, 0, false);
                convBlock(c, layers, names, 2, 64, 3, 0, false);
                dense(c, layers, names, 1, 128);
            }
            case COMPACT_CNN -> compactCnn(c, layers, names);
            case LENET5 -> {
                // 28×28 input padded by 2 = LeNet's original 32×32 input.
                convBlock(c, layers, names, 1, 6, 5, 2, false);
                convBlock(c, layers, names, 2, 16, 5, 0, false);
                dense(c, layers, names, 1, 120);
                dense(c, layers, names, 2, 84);
            }
        }
        layers.add(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(DatasetKind.CLASSES).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
        names.add("output");
    }

    /**
     * The simple CNN at 3/4 of its channels: about half its multiply-adds, for the fast recipes. Batch norm
     * comes after the pooling, on a quarter of the values (chosen when DL4J's batch norm was the costliest part
     * of a training step; {@link TrainingBatchNorm} has since made it cheaper, the recipes keep their shape).
     */
    private void compactCnn(RunConfig c, List<Layer> layers, List<String> names) {
        convBlock(c, layers, names, 1, 24, 3, 0, true);
        convBlock(c, layers, names, 2, 48, 3, 0, true);
        dense(c, layers, names, 1, 128);
    }

    /**
     * conv (ReLU) → [batch norm] → max pool 2×2 → [dropout]; with {@code normalizeAfterPool}, conv → max pool →
     * [batch norm] → ReLU → [dropout]. Without batch norm the ReLU moves behind the pooling: max-pooling and
     * ReLU commute (both forward and backward, ReLU being monotonic), so the network computes exactly the
     * same function, with ReLU on a quarter of the values.
     */
    private void convBlock(RunConfig c, List<Layer> layers, List<String> names, int n, int filters,
                           int kernel, int padding, boolean normalizeAfterPool) {
        boolean lateRelu = reluAfterPool && (!c.batchNorm() || normalizeAfterPool);
        layers.add(new ConvolutionLayer.Builder(kernel, kernel).nOut(filters).stride(1, 1)
                .padding(padding, padding).dataFormat(format)
                .activation(lateRelu ? Activation.IDENTITY : Activation.RELU).build());
        names.add("conv" + n);
        if (c.batchNorm() && !normalizeAfterPool) {
            batchNorm(layers, names, n);
        }
        layers.add(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .dataFormat(format).build());
        names.add("pool" + n);
        if (c.batchNorm() && normalizeAfterPool) {
            batchNorm(layers, names, n);
        }
        if (lateRelu) {
            layers.add(new ActivationLayer.Builder().activation(Activation.RELU).build());
            names.add("relu" + n);
        }
        if (c.convDropout() > 0) {
            // DL4J's dropout value is the probability to KEEP an activation.
            layers.add(new DropoutLayer.Builder(1 - c.convDropout()).build());
            names.add("dropout_conv" + n);
        }
    }

    private void batchNorm(List<Layer> layers, List<String> names, int n) {
        layers.add(new BatchNormalization.Builder().dataFormat(format).build());
        names.add("bn_conv" + n);
    }

    /** dense (ReLU) → [batch norm] → [dropout]. */
    private static void dense(RunConfig c, List<Layer> layers, List<String> names, int n, int units) {
        layers.add(new DenseLayer.Builder().nOut(units).activation(Activation.RELU).build());
        names.add("dense" + n);
        if (c.batchNorm()) {
            layers.add(new BatchNormalization.Builder().build());
            names.add("bn_dense" + n);
        }
        if (c.denseDropout() > 0) {
            layers.add(new DropoutLayer.Builder(1 - c.denseDropout()).build());
            names.add("dropout_dense" + n);
        }
    }

    private static String describe(Layer layer) {
        if (layer instanceof ConvolutionLayer conv) {
            int[] k = conv.getKernelSize();
            boolean relu = conv.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationReLU;
            return "Convolution " + k[0] + "×" + k[1] + (relu ? ", ReLU" : "") + (conv.getPadding()[0] > 0
                    ? ", padding " + conv.getPadding()[0] : "");
        }
        if (layer instanceof ActivationLayer) {
            return "ReLU";
        }
        if (layer instanceof SubsamplingLayer pool) {
            int[] k = pool.getKernelSize();
            return "Max pooling " + k[0] + "×" + k[1];
        }
        if (layer instanceof BatchNormalization) {
            return "Batch normalization";
        }
        if (layer instanceof DropoutLayer) {
            return "Dropout " + rate(layer);
        }
        if (layer instanceof OutputLayer) {
            return "Output, softmax";
        }
        if (layer instanceof DenseLayer) {
            return "Dense, ReLU";
        }
        return layer.getClass().getSimpleName();
    }

    private static String rate(Layer layer) {
        var dropout = (org.deeplearning4j.nn.conf.dropout.Dropout) layer.getIDropout();
        double drop = 1 - dropout.getP();
        return String.valueOf(Math.round(drop * 1000) / 1000.0);
    }

    private static String shape(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional cnn) {
            return cnn.getChannels() + "×" + cnn.getHeight() + "×" + cnn.getWidth();
        }
        if (type instanceof InputType.InputTypeFeedForward ff) {
            return String.valueOf(ff.getSize());
        }
        return type.toString();
    }
}
