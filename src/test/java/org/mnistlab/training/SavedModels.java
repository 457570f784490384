package org.mnistlab.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/** A network saved and loaded again as the app stores models (DL4J's zip, without the updater's state). */
final class SavedModels {

    private SavedModels() {
    }

    static MultiLayerNetwork savedAndLoaded(MultiLayerNetwork network) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, zip, false);
        return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip.toByteArray()));
    }
}
