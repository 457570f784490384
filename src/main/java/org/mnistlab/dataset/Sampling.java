package org.mnistlab.dataset;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded shuffling and sampling of image indices. Runs are reproducible, so the same seed must always give
 * the same order: the algorithms here are fixed, and changing one changes every stored run's data.
 */
public final class Sampling {

    private Sampling() {
    }

    /** Fisher–Yates shuffle in place, drawing from {@code random}. */
    public static void shuffle(int[] array, Random random) {
        for (int i = array.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = array[i];
            array[i] = array[j];
            array[j] = tmp;
        }
    }

    /** Up to {@code max} of the indices, chosen by the seed, in ascending order. */
    public static int[] sample(int[] indices, int max, long seed) {
        if (indices.length <= max) {
            return indices.clone();
        }
        int[] copy = indices.clone();
        shuffle(copy, new Random(seed * 7 + 3));
        int[] result = Arrays.copyOf(copy, max);
        Arrays.sort(result);
        return result;
    }
}
