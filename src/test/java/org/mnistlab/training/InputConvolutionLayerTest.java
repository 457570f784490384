package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.mnistlab.training.ArrayAssertions.assertClose;

import java.util.List;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The first conv layer that skips its input's gradient trains as DL4J's own conv layer does. */
class InputConvolutionLayerTest {

    private final ModelCatalog catalog = new ModelCatalog();

    private MultiLayerNetwork dl4jOwn(RunConfig config) {
        MultiLayerNetwork network = new MultiLayerNetwork(catalog.configuration(config));
        network.init();
        return network;
    }

    /** LeNet-5 pads its first convolution by 2 and has ReLU in it; the simple CNN's first one is linear. */
    private static List<RunConfig> cnns() {
        return List.of(RunConfig.defaults(Architecture.LENET5, DatasetKind.MNIST),
                RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST));
    }

    @Test
    void every_catalog_cnn_trains_its_first_convolution_with_it_and_only_the_first() {
        for (Architecture architecture : List.of(Architecture.SIMPLE_CNN, Architecture.REGULARIZED_CNN,
                Architecture.COMPACT_CNN, Architecture.LENET5)) {
            MultiLayerNetwork network = catalog.build(RunConfig.defaults(architecture, DatasetKind.MNIST));
            assertThat(network.getLayer(0)).as(architecture.id()).isInstanceOf(InputConvolutionLayer.class);
            assertThat(java.util.Arrays.stream(network.getLayers()).skip(1))
                    .noneMatch(InputConvolutionLayer.class::isInstance);
        }
        assertThat(dl4jOwn(RunConfig.defaults(Architecture.LENET5, DatasetKind.MNIST)).getLayer(0).getClass())
                .isEqualTo(ConvolutionLayer.class);
    }

    @Test
    void gives_the_same_gradients_as_dl4js_conv_layer() {
        for (RunConfig config : cnns()) {
            MultiLayerNetwork ours = catalog.build(config);
            MultiLayerNetwork theirs = dl4jOwn(config);
            Nd4j.getRandom().setSeed(3);
            RandomBatch batch = RandomBatch.of(16, 0);
            for (MultiLayerNetwork network : List.of(ours, theirs)) {
                network.setInput(batch.features());
                network.setLabels(batch.labels());
                network.computeGradientAndScore();
            }
            assertThat(ours.score()).isCloseTo(theirs.score(), offset(1e-6));
            for (String key : List.of("0_W", "0_b")) {
                INDArray ourGradient = ours.gradient().getGradientFor(key);
                assertThat(ourGradient.amaxNumber().doubleValue()).as(key).isGreaterThan(0);
                assertClose(ourGradient, theirs.gradient().getGradientFor(key), 1e-5);
            }
            assertClose(ours.gradient().gradient(), theirs.gradient().gradient(), 1e-5);
        }
    }

    @Test
    void ten_steps_reach_the_same_weights_as_dl4js_conv_layer() {
        for (RunConfig defaults : cnns()) {
            // plain SGD: Adam divides by the gradients' size, which magnifies rounding in near-zero gradients
            RunConfig config = defaults.toBuilder().optimizer(OptimizerKind.SGD).momentum(0).learningRate(0.01)
                    .build();
            MultiLayerNetwork ours = catalog.build(config);
            MultiLayerNetwork theirs = dl4jOwn(config);
            INDArray start = ours.params().dup();
            RandomBatch.fitSideBySide(ours, theirs, 5, 10, 16, 1e-5);
            assertThat(ours.params()).isNotEqualTo(start);
            assertClose(ours.params(), theirs.params(), 1e-5);
        }
    }

    @Test
    void the_same_seed_trains_to_the_same_weights_bit_for_bit() {
        RunConfig config = RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST);
        assertThat(RandomBatch.weightsAfter(catalog.build(config), 9, 5, 32))
                .isEqualTo(RandomBatch.weightsAfter(catalog.build(config), 9, 5, 32));
    }

    @Test
    void a_trained_network_saves_and_loads_as_an_ordinary_dl4j_model() throws Exception {
        MultiLayerNetwork ours = catalog.build(RunConfig.defaults(Architecture.LENET5, DatasetKind.MNIST));
        Nd4j.getRandom().setSeed(11);
        RandomBatch batch = RandomBatch.of(16, 0);
        ours.fit(batch.features(), batch.labels());

        MultiLayerNetwork loaded = SavedModels.savedAndLoaded(ours);

        assertThat(loaded.getLayer(0).getClass()).isEqualTo(ConvolutionLayer.class);
        INDArray features = RandomBatch.of(4, 1).features();
        assertThat(loaded.output(features)).isEqualTo(ours.output(features));
    }
}
