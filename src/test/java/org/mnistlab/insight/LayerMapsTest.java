package org.mnistlab.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.ModelCatalog;
import org.mnistlab.training.RunPreset;

/** Filters and activation maps of untrained catalog networks on one small input: counts and sizes per layer. */
class LayerMapsTest {

    private static final ModelCatalog CATALOG = new ModelCatalog();

    private static MultiLayerNetwork network(Architecture architecture) {
        RunPreset base = architecture == Architecture.MLP ? RunPreset.BASELINE_MLP : RunPreset.SIMPLE_CNN;
        return CATALOG.build(base.config(DatasetKind.MNIST).toBuilder()
                .architecture(architecture).build());
    }

    private static float[] stroke() {
        float[] pixels = new float[784];
        for (int y = 6; y < 22; y++) {
            pixels[y * 28 + 14] = 1f;
        }
        return pixels;
    }

    private static String shape(LayerActivation a) {
        return a.name() + " " + a.channels() + "x" + a.height() + "x" + a.width();
    }

    @Test
    void the_simple_cnn_shows_every_conv_layers_maps_and_its_dense_units() {
        MultiLayerNetwork cnn = network(Architecture.SIMPLE_CNN);

        List<LayerActivation> maps = LayerMaps.activations(cnn, stroke());

        assertThat(maps).extracting(LayerMapsTest::shape)
                .containsExactly("conv1 32x26x26", "conv2 64x11x11", "dense1 128x1x1");
        assertThat(maps.get(0).values()).hasSize(32 * 26 * 26);
        assertThat(maps.get(0).mapBytes(0)).hasSize(26 * 26);
        for (LayerActivation layer : maps) {
            for (float v : layer.values()) {
                assertThat(v).as(layer.name() + " after ReLU").isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void lenet_keeps_28_pixels_in_its_padded_first_layer_and_has_two_dense_layers() {
        List<LayerActivation> maps = LayerMaps.activations(network(Architecture.LENET5), stroke());

        assertThat(maps).extracting(LayerMapsTest::shape)
                .containsExactly("conv1 6x28x28", "conv2 16x10x10", "dense1 120x1x1", "dense2 84x1x1");
    }

    @Test
    void a_cnn_shows_its_first_conv_kernels_and_an_mlp_its_first_dense_weights_as_digits() {
        Filters kernels = LayerMaps.filters(network(Architecture.SIMPLE_CNN)).orElseThrow();
        assertThat(kernels.convolutional()).isTrue();
        assertThat(kernels.layer()).isEqualTo("conv1");
        assertThat(kernels.weights()).hasSize(32);
        assertThat(kernels.size()).isEqualTo(3);
        assertThat(kernels.bytes(0)).hasSize(9);

        MultiLayerNetwork mlp = network(Architecture.MLP);
        Filters units = LayerMaps.filters(mlp).orElseThrow();
        assertThat(units.convolutional()).isFalse();
        assertThat(units.size()).isEqualTo(28);
        assertThat(units.weights()).hasSize(Math.min(units.total(), LayerMaps.MAX_DENSE_FILTERS));
        assertThat(units.weights().get(0)).hasSize(784);
        assertThat(mlp.getLayers()[0].getParam("W").getColumn(0).toFloatVector()).containsExactly(units.weights().get(0));
    }

    @Test
    void a_logistic_model_has_no_filters_and_no_hidden_activations() {
        MultiLayerNetwork logistic = network(Architecture.LOGISTIC);

        assertThat(LayerMaps.filters(logistic)).isEmpty();
        assertThat(LayerMaps.activations(logistic, stroke())).isEmpty();
    }

    @Test
    void features_are_what_the_output_layer_sees() {
        float[][] images = {stroke(), new float[784], stroke()};

        LayerMaps.Features f = LayerMaps.features(network(Architecture.SIMPLE_CNN), images);

        assertThat(f.rows()).hasNumberOfRows(3);
        assertThat(f.rows()[0]).hasSize(128);
        assertThat(f.rows()[0]).containsExactly(f.rows()[2]);
        assertThat(f.predicted()).hasSize(3);
    }
}
