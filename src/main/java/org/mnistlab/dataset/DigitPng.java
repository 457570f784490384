package org.mnistlab.dataset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

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
        int width = size * scale;
        // each row starts with its filter type (0, none), as PNG stores scanlines
        byte[] rows = new byte[(width + 1) * width];
        for (int y = 0; y < width; y++) {
            int srcRow = (y / scale) * size;
            int row = y * (width + 1) + 1;
            for (int x = 0; x < width; x++) {
                rows[row + x] = (byte) (255 - (pixels[srcRow + x / scale] & 0xff));
            }
        }
        return png(width, rows);
    }

    /**
     * An 8-bit grayscale PNG written directly (signature, IHDR, one IDAT, IEND): ImageIO took 5–30 ms per
     * thumbnail on a busy machine (plugin lookup, a temporary cache file), this well under one, and a page of
     * a hundred thumbnails waits for all of them.
     */
    private static byte[] png(int width, byte[] rows) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(rows);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(rows.length / 4 + 64);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream png = new ByteArrayOutputStream(compressed.size() + 64);
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(width)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array()); // 8-bit gray
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A 28×28 MNIST-family image. */
    public static byte[] render(byte[] pixels784, int scale) {
        return render(pixels784, DatasetKind.IMAGE_SIZE, scale);
    }
}
