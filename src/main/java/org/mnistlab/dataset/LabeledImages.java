package org.mnistlab.dataset;

import java.util.Arrays;

/**
 * One split of a dataset in memory: {@code size} images of 28×28 unsigned bytes, row-major and
 * concatenated, plus one label byte each. Loaded once and shared read-only by every user and trainer;
 * never modify the arrays.
 */
public record LabeledImages(DatasetKind kind, Split split, int size, byte[] pixels, byte[] labels) {

    public LabeledImages {
        if (pixels.length != size * DatasetKind.PIXELS || labels.length != size) {
            throw new IllegalArgumentException("pixels/labels do not match size " + size);
        }
    }

    public int label(int index) {
        return labels[index];
    }

    /** Pixel value 0–255 of image {@code index} at (row, col). */
    public int pixel(int index, int row, int col) {
        return pixels[index * DatasetKind.PIXELS + row * DatasetKind.IMAGE_SIZE + col] & 0xff;
    }

    /** A copy of one image's 784 bytes. */
    public byte[] image(int index) {
        byte[] out = new byte[DatasetKind.PIXELS];
        System.arraycopy(pixels, index * DatasetKind.PIXELS, out, 0, DatasetKind.PIXELS);
        return out;
    }

    /** How many samples of each class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[kind.classNames().size()];
        for (byte l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** Positions of the samples with this label, ascending; all positions when {@code label} is negative. */
    public int[] indicesOf(int label) {
        if (label < 0) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (labels[i] == label) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The average image of each class (pixel-wise mean, rounded), indexed by label; a class without samples
     * gets a blank image. Shows what a "typical" 3 or sneaker looks like.
     */
    public byte[][] classMeanImages() {
        int classes = kind.classNames().size();
        long[][] sums = new long[classes][DatasetKind.PIXELS];
        int[] counts = new int[classes];
        for (int i = 0; i < size; i++) {
            long[] sum = sums[labels[i]];
            counts[labels[i]]++;
            int base = i * DatasetKind.PIXELS;
            for (int p = 0; p < DatasetKind.PIXELS; p++) {
                sum[p] += pixels[base + p] & 0xff;
            }
        }
        byte[][] means = new byte[classes][DatasetKind.PIXELS];
        for (int c = 0; c < classes; c++) {
            for (int p = 0; counts[c] > 0 && p < DatasetKind.PIXELS; p++) {
                means[c][p] = (byte) Math.round((double) sums[c][p] / counts[c]);
            }
        }
        return means;
    }
}
