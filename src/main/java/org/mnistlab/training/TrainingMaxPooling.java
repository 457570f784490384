package org.mnistlab.training;

import static org.mnistlab.training.FloatCopies.read;
import static org.mnistlab.training.FloatCopies.sized;
import static org.mnistlab.training.FloatCopies.write;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.mnistlab.base.NativeBackend;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 2×2 max pooling with stride 2 while training, in Java: the forward pass remembers which of each window's four
 * values won, and the backward pass hands the gradient to it. DL4J pools forward with libnd4j's op, then for the
 * backward pass pools again to find the winners; oneDNN 2.3 runs both with a JIT kernel for NCHW only on
 * AVX-512. On a processor with AVX2 alone it takes its plain NCHW implementation: 4 ms a call, 17.6 of the fast
 * recipe's 32 ms step (oneDNN's verbose log, the ISA capped at AVX2 on an AVX-512 machine); this layer brings
 * that step to 21 ms. With AVX-512 oneDNN's kernels are faster (the step 20 against 24 ms), so it is used only
 * without them. The winner of a tie is the window's first (row by row), as in oneDNN, so outputs and gradients
 * are DL4J's to the bit either way. Inference stays DL4J's; the configuration, and so every saved model, is
 * DL4J's pooling layer.
 */
final class TrainingMaxPooling extends SubsamplingLayer {

    /** Which value of each window won in the last training forward pass: 0 and 1 the top row, 2 and 3 below. */
    private byte[] winners = new byte[0];
    /** The windows of that pass's input; null when the last pass was not this layer's own. */
    private Windows pooled;
    private float[] inputCopy = new float[0];
    private float[] outputCopy = new float[0];
    private float[] gradientCopy = new float[0];

    TrainingMaxPooling(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Whether training pools faster here than with oneDNN: when ND4J runs without its AVX-512 build. */
    static boolean fasterThanOneDnn() {
        return !NativeBackend.avx512Build();
    }

    /**
     * Puts this layer in place of each of {@code network}'s 2×2 stride-2 max-pooling layers; call after
     * {@code init()} and before the first fit.
     */
    static void install(MultiLayerNetwork network) {
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i].getClass() == SubsamplingLayer.class
                    && handles(((SubsamplingLayer) layers[i]).layerConf())) {
                TrainingLayers.replace(layers, i, new TrainingMaxPooling(layers[i].conf(), DataType.FLOAT));
            }
        }
    }

    static boolean handles(org.deeplearning4j.nn.conf.layers.SubsamplingLayer c) {
        int[] two = {2, 2};
        return c.getPoolingType() == PoolingType.MAX && Arrays.equals(c.getKernelSize(), two)
                && Arrays.equals(c.getStride(), two) && Arrays.equals(c.getPadding(), new int[] {0, 0})
                && Arrays.equals(c.getDilation(), new int[] {1, 1})
                && c.getConvolutionMode() == ConvolutionMode.Truncate && c.getCnn2dDataFormat() == CNN2DFormat.NCHW;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        pooled = null;
        if (!training || input.rank() != 4 || input.dataType() != DataType.FLOAT) {
            return super.activate(training, workspaceMgr);
        }
        Windows w = Windows.of(input.shape());
        float[] in = read(input, inputCopy = sized(inputCopy, input.length()));
        float[] out = outputCopy = sized(outputCopy, (long) w.planes() * w.perPlane());
        byte[] won = winners = winners.length == out.length ? winners : new byte[out.length];
        IntStream.range(0, w.planes()).parallel().forEach(p -> {
            for (int y = 0; y < w.rows(); y++) {
                int top = w.topLeft(p, y);
                int below = top + w.width();
                int o = p * w.perPlane() + y * w.columns();
                for (int x = 0; x < w.columns(); x++, o++) {
                    float best = in[top + 2 * x];
                    byte k = 0;
                    if (in[top + 2 * x + 1] > best) {
                        best = in[top + 2 * x + 1];
                        k = 1;
                    }
                    if (in[below + 2 * x] > best) {
                        best = in[below + 2 * x];
                        k = 2;
                    }
                    if (in[below + 2 * x + 1] > best) {
                        best = in[below + 2 * x + 1];
                        k = 3;
                    }
                    out[o] = best;
                    won[o] = k;
                }
            }
        });
        long[] shape = w.inputShape();
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {shape[0], shape[1], w.rows(), w.columns()}, 'c');
        write(out, output);
        pooled = w;
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Windows w = pooled;
        if (w == null || !Arrays.equals(w.inputShape(), input.shape())
                || epsilon.dataType() != DataType.FLOAT || epsilon.length() != winners.length) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        float[] dy = read(epsilon, outputCopy);
        float[] dx = gradientCopy = sized(gradientCopy, input.length());
        byte[] won = winners;
        IntStream.range(0, w.planes()).parallel().forEach(p -> {
            Arrays.fill(dx, w.topLeft(p, 0), w.topLeft(p + 1, 0), 0f);
            for (int y = 0; y < w.rows(); y++) {
                int top = w.topLeft(p, y);
                int o = p * w.perPlane() + y * w.columns();
                for (int x = 0; x < w.columns(); x++, o++) {
                    int k = won[o];
                    dx[top + 2 * x + (k & 1) + (k >> 1) * w.width()] = dy[o];
                }
            }
        });
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                w.inputShape(), 'c');
        write(dx, inputGradient);
        return new Pair<>(new DefaultGradient(), inputGradient);
    }

    /**
     * An NCHW input's planes (images × channels) and their 2×2 windows: {@code rows × columns} per plane, an odd
     * last row or column left out, as DL4J truncates.
     */
    private record Windows(long[] inputShape, int planes, int height, int width) {

        static Windows of(long[] shape) {
            return new Windows(shape, (int) (shape[0] * shape[1]), (int) shape[2], (int) shape[3]);
        }

        int rows() {
            return height / 2;
        }

        int columns() {
            return width / 2;
        }

        int perPlane() {
            return rows() * columns();
        }

        /** Where window row {@code y} of plane {@code p} starts in the input. */
        int topLeft(int p, int y) {
            return p * height * width + 2 * y * width;
        }
    }
}
