package org.mnistlab.training;

import java.util.Random;
import org.mnistlab.dataset.DatasetKind;
import org.springframework.stereotype.Component;

/**
 * Random rotation / shift / zoom of 28×28 images for training batches (and the configurator's preview).
 * Each output pixel is sampled from the source by the inverse transform with bilinear interpolation;
 * pixels mapped from outside the image are black, as MNIST's background.
 */
@Component
public class Augmenter {

    private static final int SIZE = DatasetKind.IMAGE_SIZE;
    private static final double CENTER = (SIZE - 1) / 2.0;

    /** A transformed copy of one 784-byte image; pixels stay in 0–255, the label is unchanged by design. */
    public byte[] augment(byte[] image, Augmentation augmentation, Random random) {
        if (image.length != DatasetKind.PIXELS) {
            throw new IllegalArgumentException("Expected a 28×28 image (784 bytes), got " + image.length);
        }
        float[] out = new float[DatasetKind.PIXELS];
        augmentInto(image, 0, out, 0, 1f, augmentation, random);
        byte[] bytes = new byte[DatasetKind.PIXELS];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Math.round(out[i]);
        }
        return bytes;
    }

    /**
     * Writes one transformed image straight into a batch buffer without allocating: reads 784 bytes of
     * {@code pixels} from {@code offset}, writes 784 values (pixel × {@code scale}) into {@code out} from
     * {@code outOffset}. Draws exactly four random numbers, so runs with the same seed stay reproducible.
     */
    public void augmentInto(byte[] pixels, int offset, float[] out, int outOffset, float scale,
                            Augmentation augmentation, Random random) {
        double angle = Math.toRadians(symmetric(random, augmentation.maxRotationDegrees()));
        double shiftX = symmetric(random, augmentation.maxShiftPixels());
        double shiftY = symmetric(random, augmentation.maxShiftPixels());
        double zoom = 1 + symmetric(random, augmentation.zoomRange());
        // Inverse map: source = R(−angle) · (target − center − shift) / zoom + center.
        double cos = Math.cos(angle) / zoom;
        double sin = Math.sin(angle) / zoom;
        for (int y = 0; y < SIZE; y++) {
            double dy = y - CENTER - shiftY;
            for (int x = 0; x < SIZE; x++) {
                double dx = x - CENTER - shiftX;
                double sx = cos * dx + sin * dy + CENTER;
                double sy = -sin * dx + cos * dy + CENTER;
                out[outOffset + y * SIZE + x] = (float) bilinear(pixels, offset, sx, sy) * scale;
            }
        }
    }

    private static double symmetric(Random random, double max) {
        double u = random.nextDouble();
        return max > 0 ? (2 * u - 1) * max : 0;
    }

    private static double bilinear(byte[] pixels, int offset, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double top = (1 - fx) * pixel(pixels, offset, x0, y0) + fx * pixel(pixels, offset, x0 + 1, y0);
        double bottom = (1 - fx) * pixel(pixels, offset, x0, y0 + 1) + fx * pixel(pixels, offset, x0 + 1, y0 + 1);
        double value = (1 - fy) * top + fy * bottom;
        return Math.min(255, Math.max(0, value));
    }

    private static int pixel(byte[] pixels, int offset, int x, int y) {
        if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) {
            return 0;
        }
        return pixels[offset + y * SIZE + x] & 0xff;
    }
}
