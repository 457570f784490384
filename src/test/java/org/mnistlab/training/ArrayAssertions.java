package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Comparing arrays that two ways of computing made with different rounding. */
final class ArrayAssertions {

    private ArrayAssertions() {
    }

    /** Largest difference within {@code relative} of the largest magnitude in {@code expected}. */
    static void assertClose(INDArray actual, INDArray expected, double relative) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-6);
        double difference = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(difference / scale).as("largest difference %s against magnitude %s", difference, scale)
                .isLessThan(relative);
    }
}
