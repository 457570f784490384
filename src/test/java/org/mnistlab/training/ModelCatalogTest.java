package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelCatalogTest {

    private final ModelCatalog catalog = new ModelCatalog();

    private static RunConfig defaults(Architecture architecture) {
        return RunConfig.defaults(architecture, DatasetKind.MNIST);
    }

    @Test
    void logistic_regression_has_7850_parameters() {
        ModelSummary summary = catalog.summarize(defaults(Architecture.LOGISTIC));
        assertThat(summary.totalParameters()).isEqualTo(784 * 10 + 10);
        assertThat(summary.layers()).extracting(LayerSummary::outputShape).containsExactly("10");
    }

    @Test
    void mlp_784_128_10_has_101770_parameters_and_hidden_sizes_are_configurable() {
        assertThat(catalog.summarize(defaults(Architecture.MLP)).totalParameters()).isEqualTo(101_770);
        RunConfig wide = defaults(Architecture.MLP).toBuilder().hiddenLayers(List.of(256, 64)).build();
        assertThat(catalog.summarize(wide).totalParameters())
                .isEqualTo(784 * 256 + 256 + 256 * 64 + 64 + 64 * 10 + 10);
    }

    @Test
    void simple_cnn_layers_match_the_seed_model() {
        ModelSummary summary = catalog.summarize(defaults(Architecture.SIMPLE_CNN));
        // ReLU after pooling instead of before: the same function (they commute), a quarter of the work.
        assertThat(summary.layers()).extracting(LayerSummary::name, LayerSummary::outputShape, LayerSummary::parameters)
                .containsExactly(
                        tuple("conv1", "32×26×26", 320L),
                        tuple("pool1", "32×13×13", 0L),
                        tuple("relu1", "32×13×13", 0L),
                        tuple("conv2", "64×11×11", 18_496L),
                        tuple("pool2", "64×5×5", 0L),
                        tuple("relu2", "64×5×5", 0L),
                        tuple("dense1", "128", 204_928L),
                        tuple("output", "10", 1_290L));
        assertThat(summary.totalParameters()).isEqualTo(225_034);
    }

    @Test
    void relu_after_pooling_computes_the_same_function_as_relu_before_it() {
        RunConfig config = defaults(Architecture.SIMPLE_CNN);
        MultiLayerNetwork late = catalog.build(config);
        MultiLayerNetwork early = new ModelCatalog(org.deeplearning4j.nn.conf.CNN2DFormat.NCHW,
                org.deeplearning4j.nn.conf.CacheMode.DEVICE, false).build(config);
        assertThat(early.getnLayers()).isEqualTo(late.getnLayers() - 2);
        early.setParams(late.params());
        INDArray input = Nd4j.rand(DataType.FLOAT, 8, 784);
        INDArray labels = Nd4j.eye(10).getRows(0, 1, 2, 3, 4, 5, 6, 7).castTo(DataType.FLOAT);
        assertThat(early.output(input).equalsWithEps(late.output(input), 1e-5)).isTrue();
        late.fit(input, labels);
        early.fit(input, labels);
        assertThat(early.params().equalsWithEps(late.params(), 1e-5)).isTrue();
    }

    @Test
    void regularized_cnn_adds_batch_norm_and_dropout() {
        ModelSummary summary = catalog.summarize(defaults(Architecture.REGULARIZED_CNN));
        assertThat(summary.layers()).extracting(LayerSummary::type).containsExactly(
                "Convolution 3×3, ReLU", "Batch normalization", "Max pooling 2×2", "Dropout 0.25",
                "Convolution 3×3, ReLU", "Batch normalization", "Max pooling 2×2", "Dropout 0.25",
                "Dense, ReLU", "Batch normalization", "Dropout 0.5", "Output, softmax");
        // DL4J counts batch norm's running mean and variance too: 4 values per channel.
        assertThat(summary.totalParameters()).isEqualTo(225_034 + 4 * (32 + 64 + 128));
    }

    @Test
    void the_compact_cnn_normalizes_after_pooling_on_a_quarter_of_the_values() {
        ModelSummary summary = catalog.summarize(Recipe.FAST.config(DatasetKind.MNIST));
        assertThat(summary.layers()).extracting(LayerSummary::name, LayerSummary::outputShape).containsExactly(
                tuple("conv1", "24×26×26"), tuple("pool1", "24×13×13"), tuple("bn_conv1", "24×13×13"),
                tuple("relu1", "24×13×13"), tuple("conv2", "48×11×11"), tuple("pool2", "48×5×5"),
                tuple("bn_conv2", "48×5×5"), tuple("relu2", "48×5×5"), tuple("dense1", "128"),
                tuple("bn_dense1", "128"), tuple("output", "10"));
        assertThat(summary.totalParameters()).isEqualTo(166_474);
    }

    @Test
    void lenet5_pads_the_first_convolution_like_the_original_32x32_input() {
        ModelSummary summary = catalog.summarize(defaults(Architecture.LENET5));
        assertThat(summary.layers()).extracting(LayerSummary::outputShape)
                .containsExactly("6×28×28", "6×14×14", "6×14×14", "16×10×10", "16×5×5", "16×5×5", "120", "84", "10");
        assertThat(summary.totalParameters()).isEqualTo(156 + 2_416 + 48_120 + 10_164 + 850);
    }

    @Test
    void every_network_maps_flat_784_inputs_to_10_probabilities_and_matches_its_summary() {
        for (Architecture architecture : Architecture.values()) {
            RunConfig config = defaults(architecture);
            MultiLayerNetwork network = catalog.build(config);
            assertThat(network.numParams()).as(architecture.id())
                    .isEqualTo(catalog.summarize(config).totalParameters());
            INDArray input = Nd4j.rand(DataType.FLOAT, 3, 784);
            INDArray output = network.output(input);
            assertThat(output.shape()).containsExactly(3, 10);
            assertThat(output.sum(1).toDoubleVector()).containsExactly(new double[] {1, 1, 1},
                    org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void every_optimizer_trains_and_a_saved_model_loads_back(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        INDArray input = Nd4j.rand(DataType.FLOAT, 16, 784);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 16, 10);
        for (int i = 0; i < 16; i++) {
            labels.putScalar(i, i % 10, 1f);
        }
        for (OptimizerKind optimizer : OptimizerKind.values()) {
            RunConfig d = defaults(Architecture.MLP);
            RunConfig config = d.toBuilder().hiddenLayers(List.of(32)).optimizer(optimizer).learningRate(0.01)
                    .batchSize(16).epochs(1).seed(5).l2(0).build();
            MultiLayerNetwork network = catalog.build(config);
            INDArray before = network.params().dup();
            double firstScore = 0;
            for (int step = 0; step < 30; step++) {
                network.fit(input, labels);
                if (step == 0) {
                    firstScore = network.score();
                }
            }
            assertThat(network.params()).as(optimizer.name()).isNotEqualTo(before);
            assertThat(network.score()).as(optimizer.name()).isLessThan(firstScore);
            java.io.File file = dir.resolve(optimizer.name() + ".zip").toFile();
            org.deeplearning4j.util.ModelSerializer.writeModel(network, file, true);
            MultiLayerNetwork restored = org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(file, true);
            assertThat(restored.params()).isEqualTo(network.params());
            assertThat(restored.output(input)).isEqualTo(network.output(input));
        }
    }
}
