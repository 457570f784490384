package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;

class MemoryEstimateTest {

    private static final long TWO_GB = 2L << 30;
    private final ModelCatalog catalog = new ModelCatalog();

    private static RunConfig regularizedCnn(int batch) {
        return RunPreset.REGULARIZED_CNN.config(DatasetKind.MNIST).toBuilder().batchSize(batch).build();
    }

    @Test
    void refuses_the_regularized_cnn_at_batch_4096_on_a_2_gb_budget() {
        MemoryEstimate estimate = catalog.estimateMemory(regularizedCnn(4096), TWO_GB);
        System.out.println(estimate.refusal());
        assertThat(estimate.fits()).isFalse();
        assertThat(estimate.refusal()).startsWith("This configuration needs about ")
                .contains("more than the 2.0 GB one run may use").endsWith("use a smaller batch size or model");
    }

    @Test
    void the_same_model_at_batch_64_fits_easily() {
        MemoryEstimate estimate = catalog.estimateMemory(regularizedCnn(64), TWO_GB);
        assertThat(estimate.fits()).isTrue();
        assertThat(estimate.totalBytes()).isLessThan(TWO_GB / 5);
    }

    @Test
    void memory_grows_with_the_batch_while_the_model_part_stays() {
        MemoryEstimate small = catalog.estimateMemory(regularizedCnn(128), TWO_GB);
        MemoryEstimate large = catalog.estimateMemory(regularizedCnn(256), TWO_GB);
        assertThat(large.parameterBytes()).isEqualTo(small.parameterBytes());
        assertThat(large.activationBytes()).isEqualTo(2 * small.activationBytes());
    }
}
