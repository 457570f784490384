package org.mnistlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DataSplitTest {

    private static final byte[] MNIST_TRAIN_LABELS =
            IdxReader.readLabels(IdxReaderTest.DATASETS.resolve("mnist/train-labels-idx1-ubyte.gz"));

    /** 40 labels of 9 classes (no 9), uneven counts. */
    private static final byte[] SMALL = {0, 7, 4, 1, 8, 5, 2, 3, 6, 3, 0, 7, 4, 2, 3, 6, 3, 0, 7, 4, 1, 8, 5, 2, 3, 6,
            4, 1, 8, 5, 2, 3, 6, 3, 0, 7, 4, 1, 8, 6};

    @Test
    void default_split_of_mnist_is_stratified_disjoint_54000_to_6000() {
        DataSplit split = DataSplit.stratified(MNIST_TRAIN_LABELS, 0.1, 0, 42);

        assertThat(split.train()).hasSize(54_000).isSorted();
        assertThat(split.validation()).hasSize(6_000).isSorted();
        assertThat(Arrays.stream(split.train()).filter(i -> Arrays.binarySearch(split.validation(), i) >= 0)).isEmpty();
        int[] perClass = new int[DatasetKind.CLASSES];
        int[] all = new int[DatasetKind.CLASSES];
        for (int i : split.validation()) {
            perClass[MNIST_TRAIN_LABELS[i]]++;
        }
        for (byte label : MNIST_TRAIN_LABELS) {
            all[label]++;
        }
        for (int c = 0; c < DatasetKind.CLASSES; c++) {
            assertThat(perClass[c]).isCloseTo(all[c] / 10, Offset.offset(1));
        }
    }

    @Test
    void a_subset_validates_on_the_same_images_and_another_seed_trains_on_others() {
        DataSplit full = DataSplit.stratified(MNIST_TRAIN_LABELS, 0.1, 0, 42);
        DataSplit subset = DataSplit.stratified(MNIST_TRAIN_LABELS, 0.1, 2_000, 42);

        assertThat(subset.train()).hasSize(2_000);
        assertThat(subset.validation()).isEqualTo(full.validation());
        assertThat(DataSplit.stratified(MNIST_TRAIN_LABELS, 0.1, 2_000, 43).train()).isNotEqualTo(subset.train());
    }

    /** Stored runs are reproducible only while a seed keeps choosing the same images. */
    @Test
    void a_seed_always_chooses_the_same_mnist_images() {
        DataSplit full = DataSplit.stratified(MNIST_TRAIN_LABELS, 0.1, 0, 42);
        assertThat(Arrays.hashCode(full.train())).isEqualTo(1013256506);
        assertThat(Arrays.hashCode(full.validation())).isEqualTo(-1674841798);
        assertThat(full.validation()).startsWith(15, 57, 87, 94, 105, 109, 117, 118, 123, 136, 156, 183);

        DataSplit subset = DataSplit.stratified(MNIST_TRAIN_LABELS, 0.02, 3_000, 7);
        assertThat(subset.train()).hasSize(3_000).startsWith(11, 78, 93, 123, 144, 156, 180, 200, 201, 209, 237, 257);
        assertThat(Arrays.hashCode(subset.train())).isEqualTo(1385188268);
        assertThat(subset.validation()).hasSize(1_200);
        assertThat(Arrays.hashCode(subset.validation())).isEqualTo(-259599754);

        DataSplit tiny = DataSplit.stratified(MNIST_TRAIN_LABELS, 0.02, 200, 3);
        assertThat(Arrays.hashCode(tiny.train())).isEqualTo(-637913056);
        assertThat(Arrays.hashCode(tiny.validation())).isEqualTo(502385437);
    }

    @Test
    void a_seed_always_gives_the_same_small_split() {
        DataSplit split = DataSplit.stratified(SMALL, 0.25, 20, 11);

        assertThat(split.train()).containsExactly(0, 1, 9, 12, 15, 19, 21, 23, 25, 27, 29, 30, 31, 33, 34, 35, 36, 37,
                38, 39);
        assertThat(split.validation()).containsExactly(2, 4, 7, 10, 13, 16, 18, 20, 22, 32);
    }

    @Test
    void without_validation_every_image_trains() {
        DataSplit split = DataSplit.stratified(MNIST_TRAIN_LABELS, 0.0, 0, 5);

        assertThat(split.validation()).isEmpty();
        assertThat(split.train()).hasSize(60_000);
        assertThat(Arrays.hashCode(split.train())).isEqualTo(-232912591);
    }

    @Test
    void apportion_gives_largest_remainders_the_extra_counts_and_never_exceeds_a_class() {
        assertThat(DataSplit.apportion(new int[] {5, 3, 0, 7, 1}, 9)).containsExactly(3, 2, 0, 4, 0);
        assertThat(DataSplit.apportion(new int[] {1, 0, 2}, 3)).containsExactly(1, 0, 2);
        assertThat(DataSplit.apportion(new int[] {0, 0}, 0)).containsExactly(0, 0);
    }
}
