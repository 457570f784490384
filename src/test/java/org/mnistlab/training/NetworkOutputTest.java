package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

class NetworkOutputTest {

    private NativeOps ops;
    private int before;

    @BeforeEach
    void twoThreads() {
        Nd4j.create(1); // loads the backend before its native ops are asked for
        ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        before = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(2); // as on the 2-core machines, whatever this one has
    }

    @AfterEach
    void restore() {
        ops.setOmpNumThreads(before);
    }

    @Test
    void a_handful_of_images_runs_on_one_thread_and_a_large_batch_on_all() {
        assertThat(NetworkOutput.runsOnOneThread(1)).isTrue();
        assertThat(NetworkOutput.runsOnOneThread(NetworkOutput.ONE_THREAD_MAX_IMAGES)).isTrue();
        assertThat(NetworkOutput.runsOnOneThread(NetworkOutput.ONE_THREAD_MAX_IMAGES + 1)).isFalse();
        assertThat(NetworkOutput.runsOnOneThread(64)).isFalse();
    }

    @Test
    void work_on_one_thread_sees_one_openmp_thread_and_the_setting_is_put_back() {
        int inside = NetworkOutput.onOneThread(ops::ompGetMaxThreads);
        assertThat(inside).isEqualTo(1);
        assertThat(ops.ompGetMaxThreads()).isEqualTo(2);

        assertThatThrownBy(() -> NetworkOutput.onOneThread(() -> {
            throw new IllegalStateException("failed forward pass");
        })).hasMessage("failed forward pass");
        assertThat(ops.ompGetMaxThreads()).isEqualTo(2);
    }

    @Test
    void one_thread_for_a_forward_pass_leaves_other_threads_their_threads() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Integer> predictor = CompletableFuture.supplyAsync(() -> NetworkOutput.onOneThread(() -> {
            inside.countDown();
            await(checked);
            return ops.ompGetMaxThreads();
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ops.ompGetMaxThreads()).as("this thread, while the other predicts").isEqualTo(2);
        checked.countDown();
        assertThat(predictor.get(10, TimeUnit.SECONDS)).as("the predicting thread").isEqualTo(1);
    }

    @Test
    void probabilities_on_one_thread_are_those_of_all_threads() {
        ModelCatalog catalog = new ModelCatalog();
        for (Architecture architecture : new Architecture[] {Architecture.SIMPLE_CNN, Architecture.REGULARIZED_CNN}) {
            MultiLayerNetwork network = catalog.build(RunConfig.defaults(architecture, DatasetKind.MNIST));
            for (int images : new int[] {1, 4}) {
                INDArray features = Nd4j.rand(DataType.FLOAT, images, DatasetKind.PIXELS);
                float[][] onAll = network.output(features, false).toFloatMatrix();
                float[][] probabilities = NetworkOutput.probabilities(network, features);
                assertThat(probabilities).as(architecture.id() + ", " + images + " images").isEqualTo(onAll);
                assertThat(probabilities[0]).hasSize(DatasetKind.CLASSES);
            }
        }
    }

    @Test
    void activations_on_one_thread_are_those_of_all_threads() {
        MultiLayerNetwork network = new ModelCatalog().build(RunConfig.defaults(Architecture.REGULARIZED_CNN, DatasetKind.MNIST));
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, DatasetKind.PIXELS);
        var onAll = network.feedForward(image, false);
        var activations = NetworkOutput.activations(network, image);
        assertThat(activations).hasSameSizeAs(onAll);
        for (int layer = 0; layer < onAll.size(); layer++) {
            assertThat(activations.get(layer)).as("layer " + layer).isEqualTo(onAll.get(layer));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
