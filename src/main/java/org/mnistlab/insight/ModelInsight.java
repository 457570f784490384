package org.mnistlab.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mnistlab.training.RunStore;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Service;

/**
 * Looks inside a finished run's model for the pages: saliency of one image. Keeps the last model it loaded,
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
     * @return empty when the run has no model file
     */
    public Optional<Saliency> saliency(long runId, float[] pixels) {
        return store.modelFile(runId).map(file -> {
            synchronized (this) {
                MultiLayerNetwork network = network(file);
                float[][] probabilities = network.output(Nd4j.createFromArray(new float[][] {pixels}), false)
                        .toFloatMatrix();
                int predicted = argmax(probabilities[0]);
                float[] heat = Occlusion.map(pixels, predicted,
                        batch -> network.output(Nd4j.createFromArray(batch), false).toFloatMatrix());
                return new Saliency(predicted, probabilities[0], heat);
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
