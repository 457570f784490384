package org.mnistlab.playground;

import java.nio.file.Path;
import org.mnistlab.dataset.IdxReader;
import org.mnistlab.dataset.Split;

/** The real MNIST test split, read once from the configured datasets dir (read-only). */
final class MnistTestDigits {

    private static byte[] pixels;
    private static byte[] labels;

    private MnistTestDigits() {
    }

    static synchronized byte[] pixels() {
        if (pixels == null) {
            pixels = IdxReader.readImages(dir().resolve(Split.TEST.imagesFile()));
        }
        return pixels;
    }

    static synchronized byte[] labels() {
        if (labels == null) {
            labels = IdxReader.readLabels(dir().resolve(Split.TEST.labelsFile()));
        }
        return labels;
    }

    static byte[] image(int index) {
        byte[] out = new byte[784];
        System.arraycopy(pixels(), index * 784, out, 0, 784);
        return out;
    }

    static int label(int index) {
        return labels()[index];
    }

    static Path dir() {
        return Path.of(System.getProperty("mnistlab.datasets-dir", "../shared/datasets")).resolve("mnist");
    }

    /**
     * A 28×28 digit drawn back onto a {@code canvas × canvas} pad at {@code scale}× (each pixel a block),
     * its top-left corner at (dx, dy): what a person would draw, bigger and off-center.
     */
    static GrayImage drawnBack(byte[] digit, int canvas, int scale, int dx, int dy) {
        byte[] out = new byte[canvas * canvas];
        for (int y = 0; y < canvas; y++) {
            int sy = Math.floorDiv(y - dy, scale);
            if (sy < 0 || sy >= 28) {
                continue;
            }
            for (int x = 0; x < canvas; x++) {
                int sx = Math.floorDiv(x - dx, scale);
                if (sx >= 0 && sx < 28) {
                    out[y * canvas + x] = digit[sy * 28 + sx];
                }
            }
        }
        return new GrayImage(canvas, canvas, out);
    }
}
