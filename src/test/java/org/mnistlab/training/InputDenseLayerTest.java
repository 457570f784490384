package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The first dense layer that skips its input's gradient trains exactly as DL4J's own dense layer. */
class InputDenseLayerTest {

    private final ModelCatalog catalog = new ModelCatalog();

    private static RunConfig mlp() {
        // two hidden layers and L2: the replaced layer sits before another dense layer, with regularization
        return RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder()
                .hiddenLayers(List.of(64, 32)).l2(1e-4).build();
    }

    @Test
    void an_mlp_trains_to_the_same_weights_and_losses_as_with_dl4js_dense_layer() {
        RunConfig config = mlp();
        MultiLayerNetwork skipping = catalog.build(config);
        MultiLayerNetwork plain = new MultiLayerNetwork(catalog.configuration(config));
        plain.init();
        assertThat(skipping.getLayer(0)).isInstanceOf(InputDenseLayer.class);
        assertThat(plain.getLayer(0).getClass()).isEqualTo(DenseLayer.class);
        assertThat(skipping.params()).isEqualTo(plain.params());

        Nd4j.getRandom().setSeed(7);
        for (int step = 0; step < 20; step++) {
            RandomBatch batch = RandomBatch.of(32, step);
            skipping.fit(batch.features(), batch.labels());
            plain.fit(batch.features(), batch.labels());
            assertThat(skipping.score()).isEqualTo(plain.score());
        }
        assertThat(skipping.params()).isEqualTo(plain.params());
        assertThat(skipping.params()).isNotEqualTo(catalog.build(config).params()); // it did learn
    }

    @Test
    void a_trained_network_saves_and_loads_as_an_ordinary_dl4j_model() throws Exception {
        MultiLayerNetwork skipping = catalog.build(mlp());
        INDArray features = Nd4j.rand(DataType.FLOAT, 8, DatasetKind.PIXELS);
        skipping.fit(features, Nd4j.eye(DatasetKind.CLASSES).castTo(DataType.FLOAT).getRows(0, 1, 2, 3, 4, 5, 6, 7));

        MultiLayerNetwork loaded = SavedModels.savedAndLoaded(skipping);

        assertThat(loaded.getLayer(0).getClass()).isEqualTo(DenseLayer.class);
        assertThat(loaded.output(features)).isEqualTo(skipping.output(features));
    }

    @Test
    void networks_that_start_with_a_convolution_keep_their_layers() {
        MultiLayerNetwork cnn = catalog.build(RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST));
        assertThat(cnn.getLayer(0)).isInstanceOf(ConvolutionLayer.class);
        MultiLayerNetwork logistic = catalog.build(RunConfig.defaults(Architecture.LOGISTIC, DatasetKind.MNIST));
        assertThat(logistic.getLayer(0)).isNotInstanceOf(InputDenseLayer.class);
    }
}
