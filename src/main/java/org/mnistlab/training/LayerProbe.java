package org.mnistlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J training listener that measures each layer's parameters, updates, activations and gradients on the
 * first training iteration of each epoch and every {@link #EVERY}th after, and averages them per epoch. The
 * other iterations cost one counter check per callback, which keeps it cheap enough to stay on (README,
 * Benchmarks). DL4J calls it on the training thread in this order per iteration: forward pass, gradient
 * (before the updater), iteration done (the gradient view then holds the applied update).
 */
public final class LayerProbe extends BaseTrainingListener {

    /**
     * Iterations between samples. A sampled iteration costs about as much as a CNN's fit (27 ms against 22 ms for
     * the simple CNN: the statistics of every activation and gradient), so one in 50 keeps it near 2 %
     * ({@code LayerProbeBenchmark}); an epoch of MNIST still gets 9 (MLP) to 17 (CNN) samples.
     */
    public static final int EVERY = 50;

    private static final int PARAM = 0;
    private static final int UPDATE = 1;
    private static final int ACTIVATION = 2;
    private static final int GRADIENT = 3;

    private final Layer[] layers;
    private final int every;
    private final double[][] sums;
    private final int[][] counts;
    private int samples;
    private long iteration;
    private boolean sampling = true;

    public LayerProbe(MultiLayerNetwork network) {
        this(network, EVERY);
    }

    LayerProbe(MultiLayerNetwork network, int every) {
        this.layers = network.getLayers();
        this.every = every;
        sums = new double[layers.length][4];
        counts = new int[layers.length][4];
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (!sampling) {
            return;
        }
        // activations.get(0) is the input; entry i + 1 the output of layer i
        for (int i = 0; i < layers.length && i + 1 < activations.size(); i++) {
            add(i, ACTIVATION, activations.get(i + 1).stdNumber().doubleValue());
        }
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (!sampling) {
            return;
        }
        for (int i = 0; i < layers.length; i++) {
            INDArray gradient = layers[i].getGradientsViewArray();
            if (layers[i].numParams() > 0 && gradient != null) {
                add(i, GRADIENT, gradient.stdNumber().doubleValue());
            }
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (sampling) {
            for (int i = 0; i < layers.length; i++) {
                INDArray params = layers[i].params();
                INDArray update = layers[i].getGradientsViewArray();
                if (layers[i].numParams() > 0 && params != null && update != null) {
                    add(i, PARAM, meanAbs(params));
                    add(i, UPDATE, meanAbs(update));
                }
            }
            samples++;
        }
        this.iteration++;
        sampling = this.iteration % every == 0;
    }

    /** The epoch's averages, starting the next epoch (whose first iteration is sampled). */
    public LayerDiagnostics epochDone(int epoch) {
        List<LayerStats> stats = new ArrayList<>(layers.length);
        for (int i = 0; i < layers.length; i++) {
            stats.add(new LayerStats(i, name(layers[i], i), mean(i, PARAM), mean(i, UPDATE), mean(i, ACTIVATION),
                    mean(i, GRADIENT)));
            Arrays.fill(sums[i], 0);
            Arrays.fill(counts[i], 0);
        }
        LayerDiagnostics diagnostics = new LayerDiagnostics(epoch, samples, stats);
        samples = 0;
        sampling = true;
        return diagnostics;
    }

    private void add(int layer, int what, double value) {
        sums[layer][what] += value;
        counts[layer][what]++;
    }

    private double mean(int layer, int what) {
        return counts[layer][what] == 0 ? Double.NaN : sums[layer][what] / counts[layer][what];
    }

    private static double meanAbs(INDArray values) {
        return values.length() == 0 ? Double.NaN : values.norm1Number().doubleValue() / values.length();
    }

    private static String name(Layer layer, int index) {
        String name = layer.getConfig() == null ? null : layer.getConfig().getLayerName();
        return name == null || name.isBlank() ? "layer " + index : name;
    }
}
