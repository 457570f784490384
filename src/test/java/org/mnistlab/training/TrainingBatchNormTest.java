package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.mnistlab.training.ArrayAssertions.assertClose;

import java.util.List;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Batch norm computed by {@link TrainingBatchNorm} trains as DL4J's own (oneDNN) batch norm does. */
class TrainingBatchNormTest {

    private final ModelCatalog catalog = new ModelCatalog();

    /** The regularized CNN without dropout, so two networks see the same values: conv and dense batch norm. */
    private static RunConfig batchNormCnn() {
        return RunConfig.defaults(Architecture.REGULARIZED_CNN, DatasetKind.MNIST).toBuilder()
                .convDropout(0).denseDropout(0).build();
    }

    private MultiLayerNetwork dl4jOwn(RunConfig config) {
        MultiLayerNetwork network = new MultiLayerNetwork(catalog.configuration(config));
        network.init();
        return network;
    }

    @Test
    void every_batch_norm_layer_of_a_training_network_uses_it() {
        MultiLayerNetwork network = catalog.build(batchNormCnn());
        List<BatchNormalization> batchNorms = batchNorms(network);
        assertThat(batchNorms).hasSize(3); // after each conv and after the dense layer
        assertThat(batchNorms).allSatisfy(bn -> assertThat(bn.getHelper()).isInstanceOf(TrainingBatchNorm.class));
        assertThat(batchNorms(dl4jOwn(batchNormCnn())))
                .allSatisfy(bn -> assertThat(bn.getHelper()).isInstanceOf(MKLDNNBatchNormHelper.class));
    }

    @Test
    void loss_gradients_and_training_activations_match_dl4js_batch_norm() {
        MultiLayerNetwork ours = catalog.build(batchNormCnn());
        MultiLayerNetwork theirs = dl4jOwn(batchNormCnn());
        Nd4j.getRandom().setSeed(3);
        RandomBatch batch = RandomBatch.of(16, 0);

        List<INDArray> ourActivations = ours.feedForward(batch.features(), true);
        List<INDArray> theirActivations = theirs.feedForward(batch.features(), true);
        for (int i = 0; i < ourActivations.size(); i++) {
            assertClose(ourActivations.get(i), theirActivations.get(i), 1e-4);
        }
        for (MultiLayerNetwork network : List.of(ours, theirs)) {
            network.setInput(batch.features());
            network.setLabels(batch.labels());
            network.computeGradientAndScore();
        }
        assertThat(ours.score()).isCloseTo(theirs.score(), offset(1e-5));
        INDArray ourGradient = ours.gradient().gradient();
        assertThat(ourGradient.amaxNumber().doubleValue()).isGreaterThan(0);
        assertClose(ourGradient, theirs.gradient().gradient(), 1e-3);
    }

    @Test
    void ten_steps_reach_the_same_weights_and_running_statistics() {
        // Plain SGD and ten steps: Adam divides by the gradients' size, so a weight whose gradient is near zero
        // moves by the whole learning rate either way depending on rounding; and on random labels a rounding
        // difference that flips a max-pooling choice grows step by step, for any two summation orders.
        RunConfig config = batchNormCnn().toBuilder().optimizer(OptimizerKind.SGD).momentum(0)
                .learningRate(0.001).build();
        MultiLayerNetwork ours = catalog.build(config);
        MultiLayerNetwork theirs = dl4jOwn(config);
        INDArray start = ours.params().dup();
        RandomBatch.fitSideBySide(ours, theirs, 5, 10, 16, 1e-4);
        assertThat(ours.params()).isNotEqualTo(start);
        assertClose(ours.params(), theirs.params(), 1e-4);
        // the running mean and (log) standard deviation that inference uses
        for (int i = 0; i < batchNorms(ours).size(); i++) {
            BatchNormalization our = batchNorms(ours).get(i);
            BatchNormalization their = batchNorms(theirs).get(i);
            for (String key : List.of(BatchNormalizationParamInitializer.GLOBAL_MEAN,
                    BatchNormalizationParamInitializer.GLOBAL_LOG_STD)) {
                assertThat(our.getParam(key)).isNotEqualTo(batchNorms(catalog.build(config)).get(i).getParam(key));
                assertClose(our.getParam(key), their.getParam(key), 1e-4);
            }
        }
    }

    @Test
    void the_same_seed_trains_to_the_same_weights_bit_for_bit() {
        RunConfig config = RunConfig.defaults(Architecture.REGULARIZED_CNN, DatasetKind.MNIST);
        assertThat(RandomBatch.weightsAfter(catalog.build(config), 9, 5, 32))
                .isEqualTo(RandomBatch.weightsAfter(catalog.build(config), 9, 5, 32));
    }

    @Test
    void a_trained_network_saves_and_loads_with_dl4js_batch_norm_and_predicts_the_same() throws Exception {
        MultiLayerNetwork ours = catalog.build(batchNormCnn());
        Nd4j.getRandom().setSeed(11);
        for (int step = 0; step < 3; step++) {
            RandomBatch batch = RandomBatch.of(16, step);
            ours.fit(batch.features(), batch.labels());
        }
        MultiLayerNetwork loaded = SavedModels.savedAndLoaded(ours);

        assertThat(batchNorms(loaded))
                .allSatisfy(bn -> assertThat(bn.getHelper()).isInstanceOf(MKLDNNBatchNormHelper.class));
        INDArray features = RandomBatch.of(4, 0).features();
        assertThat(loaded.output(features)).isEqualTo(ours.output(features)); // inference is DL4J's in both
    }

    private static List<BatchNormalization> batchNorms(MultiLayerNetwork network) {
        return java.util.Arrays.stream(network.getLayers())
                .filter(BatchNormalization.class::isInstance).map(BatchNormalization.class::cast).toList();
    }
}
