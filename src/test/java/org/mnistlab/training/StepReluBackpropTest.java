package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ReLU's backward pass as step × gradient trains exactly as DL4J's relu_bp, and saved configs keep DL4J's ReLU. */
class StepReluBackpropTest {

    private final ModelCatalog catalog = new ModelCatalog();

    @Test
    void gives_the_same_gradient_as_dl4js_relu_including_at_zero() {
        INDArray in = Nd4j.createFromArray(new float[] {-2f, -0f, 0f, 1e-30f, 3f, Float.MIN_VALUE, -1e-30f, 7f});
        INDArray epsilon = Nd4j.createFromArray(new float[] {1f, 2f, 3f, 4f, -5f, 6f, 7f, -8f});

        INDArray ours = new StepReluBackprop().backprop(in.dup(), epsilon).getFirst();
        INDArray theirs = new ActivationReLU().backprop(in.dup(), epsilon).getFirst();

        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.toFloatVector()).containsExactly(0f, 0f, 0f, 4f, -5f, 6f, 0f, -8f);
    }

    @Test
    void the_conv_and_relu_layers_of_the_cnns_use_it() {
        MultiLayerNetwork simple = catalog.build(RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST));
        MultiLayerNetwork regularized = catalog.build(RunConfig.defaults(Architecture.REGULARIZED_CNN, DatasetKind.MNIST));

        // The simple CNN's convolutions are linear (ReLU follows the pooling, as a layer of its own)
        assertThat(Arrays.stream(simple.getLayers()).filter(l -> l instanceof ActivationLayer))
                .hasSize(2).allSatisfy(l -> assertThat(l.getClass()).isNotEqualTo(ActivationLayer.class));
        assertThat(Arrays.stream(regularized.getLayers()).filter(l -> l instanceof ConvolutionLayer))
                .hasSize(2).allSatisfy(l -> assertThat(l.getClass()).isNotEqualTo(ConvolutionLayer.class));
        for (Layer layer : regularized.getLayers()) {
            if (layer instanceof ConvolutionLayer conv) {
                assertThat(conv.layerConf().getActivationFn()).isInstanceOf(StepReluBackprop.class);
                assertThat(conv.conf().getLayer()).isNotSameAs(conv.layerConf());
            }
        }
    }

    @Test
    void the_simple_cnn_trains_to_the_same_weights_bit_for_bit_as_with_dl4js_relu() {
        RunConfig config = RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST);
        MultiLayerNetwork ours = catalog.build(config);
        MultiLayerNetwork theirs = new MultiLayerNetwork(catalog.configuration(config));
        theirs.init();
        InputConvolutionLayer.replaceFirstLayer(theirs); // the ReLU is the only difference
        INDArray start = ours.params().dup();

        Nd4j.getRandom().setSeed(13);
        for (int step = 0; step < 10; step++) {
            RandomBatch batch = RandomBatch.of(16, step);
            ours.fit(batch.features(), batch.labels());
            theirs.fit(batch.features(), batch.labels());
            assertThat(ours.score()).isEqualTo(theirs.score());
        }
        assertThat(ours.params()).isNotEqualTo(start).isEqualTo(theirs.params());
    }

    @Test
    void a_learning_rate_change_reaches_the_layers_that_compute_with_a_copy_of_their_configuration() {
        RunConfig config = RunConfig.defaults(Architecture.REGULARIZED_CNN, DatasetKind.MNIST);
        MultiLayerNetwork network = catalog.build(config);
        network.setLearningRate(0.0123);
        for (Layer layer : network.getLayers()) {
            if (layer instanceof ConvolutionLayer conv) {
                assertThat(conv.layerConf().getIUpdater().getLearningRate(0, 0)).isEqualTo(0.0123);
            }
        }
    }

    @Test
    void the_saved_configuration_keeps_dl4js_relu() {
        RunConfig config = RunConfig.defaults(Architecture.REGULARIZED_CNN, DatasetKind.MNIST);
        MultiLayerNetwork network = catalog.build(config);
        network.fit(Nd4j.rand(DataType.FLOAT, 4, DatasetKind.PIXELS),
                Nd4j.eye(DatasetKind.CLASSES).castTo(DataType.FLOAT).getRows(0, 1, 2, 3));

        String json = network.getLayerWiseConfigurations().toJson();
        assertThat(json).doesNotContain("StepReluBackprop").contains("ActivationReLU");
    }
}
