package org.mnistlab.training;

import static org.mnistlab.training.FloatCopies.read;
import static org.mnistlab.training.FloatCopies.sized;
import static org.mnistlab.training.FloatCopies.write;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalization while training, computed in Java, a channel per task over both cores. DL4J's oneDNN
 * helper spent about 40 % of the regularized CNN's training step here: the batch variance is a libnd4j
 * reduction over the batch and image axes on one thread, and libnd4j's {@code batchnorm_bp} runs oneDNN's
 * backward pass for fixed statistics and then adds the batch statistics' terms with five further broadcasts
 * and reductions over the whole activation. Here each channel's values, contiguous per image in NCHW, are
 * summed once per pass (in double) and the output and input gradient are one multiply-add per value.
 * Inference (evaluation, predictions) stays with DL4J's oneDNN helper, so a trained model predicts exactly as
 * it will once saved and loaded. The layer configuration is DL4J's, so saved models are unchanged.
 */
final class TrainingBatchNorm implements BatchNormalizationHelper {

    /** Recorded with every run ({@link BackendInfo}): the same settings give other figures with another. */
    static final String VERSION = "java-channels-1";

    private final BatchNormalizationHelper inference = new MKLDNNBatchNormHelper(DataType.FLOAT);
    private INDArray meanCache;
    private INDArray varCache;
    /** 1 / sqrt(var + eps) per channel, from the last training forward pass, for the backward pass. */
    private double[] invStd = new double[0];
    private double[] mean = new double[0];
    /**
     * Scratch copies of the layer's arrays, kept between steps: the input in both passes; the output forward,
     * the incoming gradient (turned into the input's gradient in place) backward.
     */
    private float[] inputCopy = new float[0];
    private float[] workCopy = new float[0];

    /**
     * Gives every NCHW batch-norm layer of {@code network} this helper in place of DL4J's; call after
     * {@code init()}. DL4J keeps its helper in a package-private field and offers no other way to choose one.
     */
    static void install(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            if (layer instanceof BatchNormalization bn && bn.layerConf().getCnn2DFormat() == CNN2DFormat.NCHW
                    && !bn.layerConf().isLockGammaBeta()) {
                try {
                    Field helper = BatchNormalization.class.getDeclaredField("helper");
                    helper.setAccessible(true);
                    helper.set(bn, new TrainingBatchNorm());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("DL4J's batch-norm layer no longer has a helper field", e);
                }
            }
        }
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return !fixedGammaBeta;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
                              INDArray globalMean, INDArray globalVar, double decay, double eps, CNN2DFormat format,
                              LayerWorkspaceMgr workspaceMgr) {
        if (!training) {
            return inference.preOutput(x, false, shape, gamma, beta, globalMean, globalVar, decay, eps, format,
                    workspaceMgr);
        }
        if (x.dataType() != DataType.FLOAT || x.rank() != 4 || format != CNN2DFormat.NCHW) {
            return null; // DL4J's own implementation
        }
        int n = (int) x.size(0);
        int channels = (int) x.size(1);
        int area = (int) (x.size(2) * x.size(3));
        int count = n * area;
        float[] in = read(x, inputCopy = sized(inputCopy, x.length()));
        mean = channels == mean.length ? mean : new double[channels];
        invStd = channels == invStd.length ? invStd : new double[channels];
        float[] variance = new float[channels];
        float[] g = read(gamma, new float[channels]);
        float[] b = read(beta, new float[channels]);
        float[] out = workCopy = sized(workCopy, x.length());
        forEachChannel(channels, c -> {
            // Sums shifted by the channel's first value, so the variance keeps its precision when it is small
            // against the mean.
            double shift = in[c * area];
            double[] sums = new double[2]; // shifted sum, sum of squares
            for (int i = 0; i < n; i++) {
                int from = (i * channels + c) * area;
                addShiftedSums(in, from, from + area, shift, sums);
            }
            double m = sums[0] / count;
            double v = Math.max(0, sums[1] / count - m * m);
            mean[c] = shift + m;
            variance[c] = (float) v;
            invStd[c] = 1 / Math.sqrt(v + eps);
            float scale = (float) (g[c] * invStd[c]);
            float offset = (float) (b[c] - mean[c] * g[c] * invStd[c]);
            for (int i = 0; i < n; i++) {
                int from = (i * channels + c) * area;
                for (int j = from; j < from + area; j++) {
                    out[j] = in[j] * scale + offset;
                }
            }
        });
        if (meanCache == null || meanCache.length() != channels) {
            try (var ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                meanCache = Nd4j.createUninitialized(DataType.FLOAT, channels);
                varCache = Nd4j.createUninitialized(DataType.FLOAT, channels);
            }
        }
        float[] meanFloats = new float[channels];
        for (int c = 0; c < channels; c++) {
            meanFloats[c] = (float) mean[c];
        }
        write(meanFloats, meanCache);
        write(variance, varCache);
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, x.shape());
        write(out, result);
        return result;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
                                                     INDArray beta, INDArray dGammaView, INDArray dBetaView,
                                                     double eps, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (input.dataType() != DataType.FLOAT || input.rank() != 4 || format != CNN2DFormat.NCHW
                || input.size(1) != invStd.length) {
            return null;
        }
        int n = (int) input.size(0);
        int channels = (int) input.size(1);
        int area = (int) (input.size(2) * input.size(3));
        int count = n * area;
        float[] x = read(input, inputCopy = sized(inputCopy, input.length()));
        float[] dy = read(epsilon, workCopy = sized(workCopy, input.length()));
        float[] g = read(gamma, new float[channels]);
        float[] dGamma = new float[channels];
        float[] dBeta = new float[channels];
        forEachChannel(channels, c -> {
            double m = mean[c];
            double[] sums = new double[2]; // sum of dy, of dy·(x − m)
            for (int i = 0; i < n; i++) {
                int from = (i * channels + c) * area;
                addGradientSums(dy, x, from, from + area, m, sums);
            }
            double sumDy = sums[0];
            double sumDyX = sums[1];
            double s = invStd[c];
            dBeta[c] = (float) sumDy;
            dGamma[c] = (float) (sumDyX * s);
            // dx = gamma·s·(dy − mean(dy) − x̂·mean(dy·x̂)), x̂ = (x − m)·s, written as a·dy + b·x + k.
            double a = g[c] * s;
            double bx = -a * s * s * sumDyX / count;
            float fa = (float) a;
            float fb = (float) bx;
            float fk = (float) (-a * sumDy / count - bx * m);
            for (int i = 0; i < n; i++) {
                int from = (i * channels + c) * area;
                for (int j = from; j < from + area; j++) {
                    dy[j] = fa * dy[j] + fb * x[j] + fk;
                }
            }
        });
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                input.shape());
        write(dy, inputGradient);
        write(dGamma, dGammaView);
        write(dBeta, dBetaView);
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        return new Pair<>(gradient, inputGradient);
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return meanCache;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return varCache;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Collections.emptyMap();
    }

    /**
     * Adds Σ(v − shift) and Σ(v − shift)² over {@code v[from, to)} to {@code sums[0]} and {@code sums[1]}. Four
     * interleaved partial sums: a single running sum waits on each addition (latency-bound).
     */
    private static void addShiftedSums(float[] v, int from, int to, double shift, double[] sums) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        int j = from;
        for (; j + 3 < to; j += 4) {
            double d0 = v[j] - shift, d1 = v[j + 1] - shift, d2 = v[j + 2] - shift, d3 = v[j + 3] - shift;
            s0 += d0;
            s1 += d1;
            s2 += d2;
            s3 += d3;
            q0 += d0 * d0;
            q1 += d1 * d1;
            q2 += d2 * d2;
            q3 += d3 * d3;
        }
        for (; j < to; j++) {
            double d = v[j] - shift;
            s0 += d;
            q0 += d * d;
        }
        sums[0] += (s0 + s1) + (s2 + s3);
        sums[1] += (q0 + q1) + (q2 + q3);
    }

    /** Adds Σdy and Σdy·(x − mean) over {@code [from, to)} to {@code sums[0]} and {@code sums[1]}, as above. */
    private static void addGradientSums(float[] dy, float[] x, int from, int to, double mean, double[] sums) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, p0 = 0, p1 = 0, p2 = 0, p3 = 0;
        int j = from;
        for (; j + 3 < to; j += 4) {
            s0 += dy[j];
            s1 += dy[j + 1];
            s2 += dy[j + 2];
            s3 += dy[j + 3];
            p0 += dy[j] * (x[j] - mean);
            p1 += dy[j + 1] * (x[j + 1] - mean);
            p2 += dy[j + 2] * (x[j + 2] - mean);
            p3 += dy[j + 3] * (x[j + 3] - mean);
        }
        for (; j < to; j++) {
            s0 += dy[j];
            p0 += dy[j] * (x[j] - mean);
        }
        sums[0] += (s0 + s1) + (s2 + s3);
        sums[1] += (p0 + p1) + (p2 + p3);
    }

    /** Channels split into two halves for the common pool (the caller runs one): one per core here. */
    private static void forEachChannel(int channels, java.util.function.IntConsumer work) {
        IntStream.range(0, channels).parallel().forEach(work);
    }
}
