package org.mnistlab.dataset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Renders a 28×28 grayscale image as PNG, the one way MNIST Lab turns pixels into pictures (explorer
 * thumbnails, misclassified galleries, preprocessing steps). Ink is drawn dark on light, as people read digits.
 */
public final class DigitPng {

    private DigitPng() {
    }

    /**
     * @param pixels {@code size × size} bytes, 0 = background, 255 = ink
     * @param scale  each pixel becomes a {@code scale × scale} block (nearest neighbour, crisp)
     */
    public static byte[] render(byte[] pixels, int size, int scale) {
        BufferedImage img = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int width = size * scale;
        for (int y = 0; y < size * scale; y++) {
            int srcRow = (y / scale) * size;
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (byte) (255 - (pixels[srcRow + x / scale] & 0xff));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** A 28×28 MNIST-family image. */
    public static byte[] render(byte[] pixels784, int scale) {
        return render(pixels784, DatasetKind.IMAGE_SIZE, scale);
    }
}
