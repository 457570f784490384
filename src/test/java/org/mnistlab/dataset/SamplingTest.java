package org.mnistlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void a_sample_is_sorted_distinct_and_the_same_for_a_seed() {
        int[] indices = IntStream.range(0, 60_000).toArray();

        int[] sample = Sampling.sample(indices, 6_000, 5);

        assertThat(sample).hasSize(6_000).isSorted().doesNotHaveDuplicates();
        assertThat(sample).startsWith(3, 7, 19, 24, 27, 33, 50, 64, 67, 69, 96, 110);
        assertThat(Arrays.hashCode(sample)).isEqualTo(-1524229560);
        assertThat(Sampling.sample(indices, 6_000, 6)).isNotEqualTo(sample);
    }

    @Test
    void sampling_no_more_than_there_are_returns_a_copy_of_all() {
        int[] indices = {4, 8, 15};

        int[] sample = Sampling.sample(indices, 3, 1);

        assertThat(sample).containsExactly(4, 8, 15).isNotSameAs(indices);
    }

    @Test
    void sampling_from_a_split_is_reproducible() {
        DataSplit split = DataSplit.stratified(new byte[] {0, 7, 4, 1, 8, 5, 2, 3, 6, 3, 0, 7, 4, 2, 3, 6, 3, 0, 7, 4, 1,
                8, 5, 2, 3, 6, 4, 1, 8, 5, 2, 3, 6, 3, 0, 7, 4, 1, 8, 6}, 0.25, 20, 11);

        assertThat(Sampling.sample(split.train(), 7, 11)).containsExactly(15, 29, 33, 34, 36, 37, 39);
    }

    @Test
    void shuffle_permutes_in_place_in_the_order_the_random_dictates() {
        int[] array = IntStream.range(0, 10).toArray();

        Sampling.shuffle(array, new Random(1));

        assertThat(array).containsExactly(6, 9, 7, 8, 4, 2, 0, 3, 1, 5);
    }
}
