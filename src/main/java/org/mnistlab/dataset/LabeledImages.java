package org.mnistlab.dataset;

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
}
