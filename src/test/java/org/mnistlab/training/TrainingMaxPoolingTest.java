package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.mnistlab.base.NativeBackend;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Max pooling in Java while training gives DL4J's outputs and gradients to the bit, ties included. */
class TrainingMaxPoolingTest {

    private final ModelCatalog catalog = new ModelCatalog();

    private static NeuralNetConfiguration pooling(int kernel, int stride) {
        return new NeuralNetConfiguration.Builder().layer(new org.deeplearning4j.nn.conf.layers.SubsamplingLayer
                .Builder(PoolingType.MAX).kernelSize(kernel, kernel).stride(stride, stride).build()).build();
    }

    @Test
    void pools_and_passes_the_gradient_back_as_dl4j_does_with_ties_and_odd_sizes() {
        NeuralNetConfiguration conf = pooling(2, 2);
        Nd4j.getRandom().setSeed(5);
        // values 0, 1 or 2 only: most windows have ties; 7 × 9 leaves a last row and column out
        INDArray input = Transforms.round(Nd4j.rand(DataType.FLOAT, 3, 4, 7, 9).muli(2));
        input.get(NDArrayIndex.point(1)).assign(0); // whole planes of equal values
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, 3, 4, 3, 4).subi(0.5);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();

        TrainingMaxPooling ours = new TrainingMaxPooling(conf, DataType.FLOAT);
        SubsamplingLayer theirs = new SubsamplingLayer(conf, DataType.FLOAT);
        INDArray ourOutput = ours.activate(input.dup(), true, noWorkspaces);
        INDArray theirOutput = theirs.activate(input.dup(), true, noWorkspaces);
        INDArray ourGradient = ours.backpropGradient(epsilon.dup(), noWorkspaces).getSecond();
        INDArray theirGradient = theirs.backpropGradient(epsilon.dup(), noWorkspaces).getSecond();

        assertThat(ourOutput.shape()).containsExactly(3, 4, 3, 4);
        assertThat(ourOutput).isEqualTo(theirOutput);
        assertThat(ourGradient).isEqualTo(theirGradient);
        // each window's gradient goes to one value: the first of its largest, row by row
        assertThat(ourGradient.getFloat(1, 0, 0, 0)).isEqualTo(epsilon.getFloat(1, 0, 0, 0));
        assertThat(ourGradient.getFloat(1, 0, 0, 1)).isZero();
        assertThat(ourGradient.getFloat(1, 0, 1, 0)).isZero();
        assertThat(ourGradient.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(6), NDArrayIndex.all())
                .sumNumber().doubleValue()).isZero();
    }

    @Test
    void inference_and_other_pooling_shapes_stay_dl4js() {
        assertThat(TrainingMaxPooling.handles((org.deeplearning4j.nn.conf.layers.SubsamplingLayer)
                pooling(2, 2).getLayer())).isTrue();
        assertThat(TrainingMaxPooling.handles((org.deeplearning4j.nn.conf.layers.SubsamplingLayer)
                pooling(3, 2).getLayer())).isFalse();
        assertThat(TrainingMaxPooling.handles((org.deeplearning4j.nn.conf.layers.SubsamplingLayer)
                pooling(2, 1).getLayer())).isFalse();

        TrainingMaxPooling layer = new TrainingMaxPooling(pooling(2, 2), DataType.FLOAT);
        INDArray input = Nd4j.rand(DataType.FLOAT, 2, 3, 6, 6);
        INDArray inference = layer.activate(input, false, LayerWorkspaceMgr.noWorkspaces());
        assertThat(inference).isEqualTo(new SubsamplingLayer(pooling(2, 2), DataType.FLOAT)
                .activate(input, false, LayerWorkspaceMgr.noWorkspaces()));
    }

    @Test
    void the_catalog_pools_through_it_exactly_where_the_native_build_lacks_avx512() {
        MultiLayerNetwork network = catalog.build(RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST));
        assertThat(Arrays.stream(network.getLayers()).anyMatch(l -> l instanceof TrainingMaxPooling))
                .isEqualTo(!NativeBackend.avx512Build());
    }

    @Test
    void every_cnn_can_train_through_it_and_saves_dl4js_pooling() {
        for (Architecture cnn : new Architecture[] {Architecture.SIMPLE_CNN, Architecture.REGULARIZED_CNN,
                Architecture.COMPACT_CNN, Architecture.LENET5}) {
            MultiLayerNetwork network = catalog.build(RunConfig.defaults(cnn, DatasetKind.MNIST));
            TrainingMaxPooling.install(network);
            assertThat(Arrays.stream(network.getLayers()).filter(l -> l instanceof SubsamplingLayer))
                    .as(cnn.id()).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).isInstanceOf(TrainingMaxPooling.class));
            assertThat(network.getLayerWiseConfigurations().toJson()).doesNotContain("TrainingMaxPooling");
        }
    }

    @Test
    void the_compact_cnn_trains_to_the_same_weights_bit_for_bit_as_with_dl4js_pooling() {
        RunConfig config = Recipe.FAST.config(DatasetKind.MNIST);
        MultiLayerNetwork ours = catalog.build(config);
        TrainingMaxPooling.install(ours);
        MultiLayerNetwork theirs = catalog.build(config);
        Layer[] layers = theirs.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof TrainingMaxPooling) {
                TrainingLayers.replace(layers, i, new SubsamplingLayer(layers[i].conf(), DataType.FLOAT));
            }
        }
        INDArray start = ours.params().dup();

        Nd4j.getRandom().setSeed(21);
        for (int step = 0; step < 10; step++) {
            RandomBatch batch = RandomBatch.of(16, step);
            batch.features().get(NDArrayIndex.all(), NDArrayIndex.interval(0, 8 * 28)).assign(0); // blank rows: ties
            ours.fit(batch.features(), batch.labels());
            theirs.fit(batch.features(), batch.labels());
            assertThat(ours.score()).isEqualTo(theirs.score());
        }
        assertThat(ours.params()).isNotEqualTo(start).isEqualTo(theirs.params());
    }
}
