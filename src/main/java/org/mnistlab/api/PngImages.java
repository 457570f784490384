package org.mnistlab.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.playground.GrayImage;

/** Uploaded pictures as gray images: luminance, transparency over white; the size is checked before decoding. */
final class PngImages {

    private PngImages() {
    }

    /** @throws IllegalArgumentException with a message for the client */
    static GrayImage decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("Send a PNG image (28×28 or larger) as the request body");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IllegalArgumentException("The image is not a PNG (or any format this server reads)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int min = DatasetKind.IMAGE_SIZE;
                if (width < min || height < min || width > GrayImage.MAX_SIDE || height > GrayImage.MAX_SIDE) {
                    throw new IllegalArgumentException("The image must be between " + min + "×" + min + " and "
                            + GrayImage.MAX_SIDE + "×" + GrayImage.MAX_SIDE + " pixels, was " + width + "×" + height);
                }
                return gray(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The image cannot be read: it is damaged or not a PNG", e);
        }
    }

    private static GrayImage gray(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] pixels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                double luminance = 0.299 * (argb >> 16 & 0xff) + 0.587 * (argb >> 8 & 0xff) + 0.114 * (argb & 0xff);
                pixels[y * w + x] = (byte) Math.round(luminance * alpha + 255 * (1 - alpha));
            }
        }
        return new GrayImage(w, h, pixels);
    }
}
