package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistlab.base.NativeBackend;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class TrainerOutputTest {

    private static final float[][] PROBABILITIES = {
            {0.1f, 0.2f, 0.3f, 0.4f, 0f, 0f, 0f, 0f, 0f, 0f},
            {0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0.5f, 0.5f},
            {1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f}};
    private static final float[] ROWS = {
            0.1f, 0.2f, 0.3f, 0.4f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0.5f, 0.5f,
            1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f};

    @BeforeAll
    static void pickNativeBuild() {
        NativeBackend.configure();
    }

    @Test
    void reads_a_row_major_output_in_row_order() {
        assertThat(Trainer.rowMajor(Nd4j.create(PROBABILITIES))).containsExactly(ROWS);
    }

    @Test
    void reads_a_column_major_output_in_row_order() {
        INDArray columnMajor = Nd4j.create(PROBABILITIES).dup('f');
        assertThat(Trainer.rowMajor(columnMajor)).containsExactly(ROWS);
    }

    @Test
    void reads_only_the_rows_of_a_view() {
        INDArray bigger = Nd4j.vstack(Nd4j.zeros(1, 10), Nd4j.create(PROBABILITIES));
        INDArray view = bigger.get(NDArrayIndex.interval(1, 4), NDArrayIndex.all());
        assertThat(Trainer.rowMajor(view)).containsExactly(ROWS);
    }
}
