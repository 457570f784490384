package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

class NativeOpThreadsTest {

    private final Environment environment = Nd4j.getEnvironment();
    private final ModelCatalog catalog = new ModelCatalog();
    private int before;

    @BeforeEach
    void twoThreads() {
        before = environment.maxMasterThreads();
        environment.setMaxMasterThreads(2); // as on the 2-core machines, whatever this one has
    }

    @AfterEach
    void restore() {
        environment.setMaxMasterThreads(before);
    }

    private MultiLayerNetwork network(Architecture architecture) {
        return catalog.build(RunConfig.defaults(architecture, DatasetKind.MNIST));
    }

    @Test
    void only_networks_with_batch_norm_need_every_thread() {
        assertThat(NativeOpThreads.needsAllThreads(network(Architecture.LOGISTIC))).isFalse();
        assertThat(NativeOpThreads.needsAllThreads(network(Architecture.MLP))).isFalse();
        assertThat(NativeOpThreads.needsAllThreads(network(Architecture.SIMPLE_CNN))).isFalse();
        assertThat(NativeOpThreads.needsAllThreads(network(Architecture.LENET5))).isFalse();
        assertThat(NativeOpThreads.needsAllThreads(network(Architecture.REGULARIZED_CNN))).isTrue();
        assertThat(NativeOpThreads.needsAllThreads(network(Architecture.COMPACT_CNN))).isTrue();
    }

    @Test
    void a_run_without_batch_norm_takes_one_thread_and_gives_them_back() {
        NativeOpThreads threads = new NativeOpThreads(2);
        NativeOpThreads.Lease lease = threads.enter(false);
        assertThat(environment.maxMasterThreads()).isEqualTo(1);
        lease.close();
        assertThat(environment.maxMasterThreads()).isEqualTo(2);
        lease.close(); // twice changes nothing
        assertThat(environment.maxMasterThreads()).isEqualTo(2);
    }

    @Test
    void while_a_network_with_batch_norm_trains_every_run_has_every_thread() {
        NativeOpThreads threads = new NativeOpThreads(2);
        NativeOpThreads.Lease dense = threads.enter(false);
        NativeOpThreads.Lease normalized = threads.enter(true);
        assertThat(environment.maxMasterThreads()).isEqualTo(2);
        NativeOpThreads.Lease otherDense = threads.enter(false);
        assertThat(environment.maxMasterThreads()).isEqualTo(2);
        normalized.close();
        assertThat(environment.maxMasterThreads()).isEqualTo(1);
        dense.close();
        assertThat(environment.maxMasterThreads()).isEqualTo(1);
        otherDense.close();
        assertThat(environment.maxMasterThreads()).isEqualTo(2);
    }

    @Test
    void networks_train_to_the_same_weights_on_one_thread_as_on_two() {
        for (Architecture architecture : new Architecture[] {Architecture.MLP, Architecture.SIMPLE_CNN}) {
            INDArray onTwo = trainedWeights(architecture, 2);
            INDArray onOne = trainedWeights(architecture, 1);
            assertThat(onOne).as(architecture.id()).isEqualTo(onTwo);
            assertThat(onOne).as(architecture.id() + " learned").isNotEqualTo(network(architecture).params());
        }
    }

    private INDArray trainedWeights(Architecture architecture, int threads) {
        environment.setMaxMasterThreads(threads);
        MultiLayerNetwork network = network(architecture);
        Nd4j.getRandom().setSeed(7);
        for (int step = 0; step < 8; step++) {
            RandomBatch batch = RandomBatch.of(64, step);
            network.fit(batch.features(), batch.labels());
        }
        return network.params().dup();
    }
}
