package org.mnistlab.dataset;

import java.util.Arrays;
import java.util.Random;

/**
 * Which images of a training split a run learns from and which it validates on: indices into the split,
 * each part ascending, the two disjoint.
 */
public record DataSplit(int[] train, int[] validation) {

    /**
     * Stratified split from the seed: the validation part takes {@code validationFraction} of every class,
     * the training part then takes {@code subset} images (0 = all the rest) in the classes' proportions.
     * The validation part does not depend on the subset size, so subset runs validate on the same images.
     *
     * @param labels the split's labels, 0 to {@link DatasetKind#CLASSES} - 1
     */
    public static DataSplit stratified(byte[] labels, double validationFraction, int subset, long seed) {
        int classes = DatasetKind.CLASSES;
        Random random = new Random(seed);
        int[][] byClass = new int[classes][];
        int[] sizes = new int[classes];
        for (byte label : labels) {
            sizes[label]++;
        }
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[sizes[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        for (int[] indices : byClass) {
            Sampling.shuffle(indices, random);
        }
        int[] validationCounts = apportion(sizes, validationSize(labels.length, validationFraction));
        int[] remaining = new int[classes];
        int remainingTotal = 0;
        for (int c = 0; c < classes; c++) {
            remaining[c] = sizes[c] - validationCounts[c];
            remainingTotal += remaining[c];
        }
        int trainTotal = subset > 0 ? Math.min(subset, remainingTotal) : remainingTotal;
        int[] trainCounts = apportion(remaining, trainTotal);
        int[] validation = new int[Arrays.stream(validationCounts).sum()];
        int[] train = new int[trainTotal];
        int v = 0;
        int t = 0;
        for (int c = 0; c < classes; c++) {
            System.arraycopy(byClass[c], 0, validation, v, validationCounts[c]);
            v += validationCounts[c];
            System.arraycopy(byClass[c], validationCounts[c], train, t, trainCounts[c]);
            t += trainCounts[c];
        }
        Arrays.sort(validation);
        Arrays.sort(train);
        return new DataSplit(train, validation);
    }

    /** How many of {@code images} the validation part takes. */
    public static int validationSize(int images, double validationFraction) {
        return (int) Math.round(images * validationFraction);
    }

    /** Splits {@code total} over classes in proportion to {@code sizes} (largest remainder method). */
    static int[] apportion(int[] sizes, int total) {
        long sum = Arrays.stream(sizes).asLongStream().sum();
        int[] counts = new int[sizes.length];
        double[] remainders = new double[sizes.length];
        int assigned = 0;
        for (int c = 0; c < sizes.length; c++) {
            double quota = sum == 0 ? 0 : (double) sizes[c] * total / sum;
            counts[c] = (int) Math.floor(quota);
            remainders[c] = quota - counts[c];
            assigned += counts[c];
        }
        while (assigned < total) {
            int best = -1;
            for (int c = 0; c < sizes.length; c++) {
                if (counts[c] < sizes[c] && (best < 0 || remainders[c] > remainders[best])) {
                    best = c;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return counts;
    }
}
