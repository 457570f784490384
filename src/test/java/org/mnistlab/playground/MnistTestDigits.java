package org.mnistlab.playground;

import java.nio.file.Path;
import org.mnistlab.dataset.IdxReader;
import org.mnistlab.dataset.Split;

/** The real MNIST test split (and the start of the training split), read once from the datasets dir. */
final class MnistTestDigits {

    private static byte[] pixels;
    private static byte[] labels;
    private static byte[] trainPixels;
    private static byte[] trainLabels;

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

    static synchronized byte[] trainPixels() {
        if (trainPixels == null) {
            trainPixels = IdxReader.readImages(dir().resolve(Split.TRAIN.imagesFile()));
        }
        return trainPixels;
    }

    static synchronized byte[] trainLabels() {
        if (trainLabels == null) {
            trainLabels = IdxReader.readLabels(dir().resolve(Split.TRAIN.labelsFile()));
        }
        return trainLabels;
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
     * A 28×28 digit drawn back at 10× onto a 280×280 pad, moved by about (dx, dy) pixels from where MNIST
     * put it: as far as keeps all its ink on the pad (MNIST ink can start 2 px from the edge).
     */
    static GrayImage drawnBackOnPad(byte[] digit, int dx, int dy) {
        int minX = 27, minY = 27, maxX = 0, maxY = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (digit[y * 28 + x] != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        int sx = Math.max(-minX * 10, Math.min(280 - (maxX + 1) * 10, dx));
        int sy = Math.max(-minY * 10, Math.min(280 - (maxY + 1) * 10, dy));
        return drawnBack(digit, 280, 10, sx, sy);
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
