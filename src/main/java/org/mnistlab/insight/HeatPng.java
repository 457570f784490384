package org.mnistlab.insight;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.mnistlab.dataset.DatasetKind;

/**
 * A signed heat map over a digit as PNG: the digit in light gray, red where the value is positive and blue
 * where negative, both scaled to the largest magnitude (grayscale images go through DigitPng).
 */
final class HeatPng {

    private HeatPng() {
    }

    static byte[] render(float[] pixels, float[] heat, int scale) {
        int size = DatasetKind.IMAGE_SIZE;
        float max = 1e-12f;
        for (float h : heat) {
            max = Math.max(max, Math.abs(h));
        }
        BufferedImage img = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size * scale; y++) {
            for (int x = 0; x < size * scale; x++) {
                int i = (y / scale) * size + x / scale;
                int base = 255 - Math.round(pixels[i] * 90); // the digit, faint
                float h = heat[i] / max;
                int r = h < 0 ? Math.round(base * (1 + h)) : base;
                int g = Math.round(base * (1 - Math.abs(h)));
                int b = h > 0 ? Math.round(base * (1 - h)) : base;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
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
}
