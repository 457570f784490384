package org.mnistlab.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mnistlab.training.NetworkOutput;
import org.mnistlab.training.RunStore;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Service;

/**
 * Looks inside a finished run's model for the pages: saliency, filters and activations of one image, and
 * the learned features behind the embedding map. Keeps the last model it loaded,
 * since a person looks at several images of the same run in a row.
 */
@Service
public class ModelInsight {

    private final RunStore store;
    private Path loadedFile;
    private MultiLayerNetwork loaded;

    public ModelInsight(RunStore store) {
        this.store = store;
    }

    /**
     * @param pixels 784 values in [0, 1], as the model was trained on
     * @return the map for the predicted class; empty when the run has no model file
     */
    public Optional<Saliency> saliency(long runId, float[] pixels) {
        return saliency(runId, pixels, -1);
    }

    /**
     * @param classIndex the class to explain, or -1 for the predicted one
     * @return empty when the run has no model file
     */
    public Optional<Saliency> saliency(long runId, float[] pixels, int classIndex) {
        return withNetwork(runId, network -> saliency(network, pixels, classIndex));
    }

    private static Saliency saliency(MultiLayerNetwork network, float[] pixels, int classIndex) {
        float[][] probabilities = NetworkOutput.probabilities(network, Nd4j.createFromArray(new float[][] {pixels}));
        int predicted = argmax(probabilities[0]);
        int explained = classIndex < 0 ? predicted : classIndex;
        float[] heat = Occlusion.map(pixels, explained,
                batch -> NetworkOutput.probabilities(network, Nd4j.createFromArray(batch)));
        return new Saliency(predicted, explained, probabilities[0], heat);
    }

    /**
     * Saliency for the predicted class (and the true one when they differ) and every layer's activations.
     *
     * @param trueLabel the image's label, or -1 when unknown (a drawing)
     * @return empty when the run has no model file
     */
    public Optional<SampleInsight> explain(long runId, float[] pixels, int trueLabel) {
        return withNetwork(runId, network -> {
            Saliency predicted = saliency(network, pixels, -1);
            Saliency truth = trueLabel >= 0 && trueLabel != predicted.predicted()
                    ? saliency(network, pixels, trueLabel) : null;
            return new SampleInsight(pixels, predicted, truth, LayerMaps.activations(network, pixels));
        });
    }

    /** The first layer's filters (see {@link Filters}); empty without a model file or for a logistic model. */
    public Optional<Filters> filters(long runId) {
        return withNetwork(runId, LayerMaps::filters).flatMap(f -> f);
    }

    /** Every conv layer's maps and every hidden dense layer's units for one image; empty without a model. */
    public Optional<List<LayerActivation>> activations(long runId, float[] pixels) {
        return withNetwork(runId, network -> LayerMaps.activations(network, pixels));
    }

    /** The penultimate layer's output and the prediction for each image; empty without a model. */
    Optional<LayerMaps.Features> features(long runId, float[][] images) {
        return withNetwork(runId, network -> LayerMaps.features(network, images));
    }

    /** A network is not safe for concurrent use: one caller at a time. */
    private <T> Optional<T> withNetwork(long runId, Function<MultiLayerNetwork, T> use) {
        return store.modelFile(runId).map(file -> {
            synchronized (this) {
                return use.apply(network(file));
            }
        });
    }

    private MultiLayerNetwork network(Path file) {
        if (!file.equals(loadedFile)) {
            try {
                MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
                if (loaded != null) {
                    loaded.close();
                }
                loaded = network;
                loadedFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException("The model file " + file.getFileName() + " cannot be read", e);
            }
        }
        return loaded;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
