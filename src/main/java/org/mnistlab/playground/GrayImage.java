package org.mnistlab.playground;

import java.util.Arrays;
import java.util.Base64;

/**
 * A grayscale picture as MNIST stores it: {@code width × height} unsigned bytes, row-major, 0 = background,
 * 255 = full ink. Used for the drawing and every preprocessing step. Treat {@code pixels} as read-only.
 */
public record GrayImage(int width, int height, byte[] pixels) {

    /** Largest drawing accepted from a client (the pad sends 140×140 by default). */
    public static final int MAX_SIDE = 1024;

    public GrayImage {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("Image size must be between 1×1 and " + MAX_SIDE + "×" + MAX_SIDE
                    + ", was " + width + "×" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("Expected " + width * height + " pixels for " + width + "×" + height
                    + ", got " + pixels.length);
        }
    }

    public static GrayImage blank(int width, int height) {
        return new GrayImage(width, height, new byte[width * height]);
    }

    /** Decodes the drawing pad's payload: base64 of {@code width × height} ink bytes; "" is a blank pad. */
    public static GrayImage fromBase64(int width, int height, String base64) {
        if (base64 == null || base64.isEmpty()) {
            return blank(width, height);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The drawing could not be decoded (" + e.getMessage() + ")", e);
        }
        return new GrayImage(width, height, bytes);
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(pixels);
    }

    /** Ink value 0–255 at column x, row y. */
    public int at(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    /** The same picture centred on a square background, for showing non-square steps as square thumbnails. */
    public GrayImage squared() {
        if (width == height) {
            return this;
        }
        int side = Math.max(width, height);
        byte[] out = new byte[side * side];
        int dx = (side - width) / 2;
        int dy = (side - height) / 2;
        for (int y = 0; y < height; y++) {
            System.arraycopy(pixels, y * width, out, (y + dy) * side + dx, width);
        }
        return new GrayImage(side, side, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage g && g.width == width && g.height == height && Arrays.equals(g.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "×" + height + "]";
    }
}
