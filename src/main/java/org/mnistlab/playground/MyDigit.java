package org.mnistlab.playground;

import java.time.Instant;

/** A saved drawing: its true label and the 28×28 network input it became (784 bytes, 255 = ink). */
public record MyDigit(long id, int label, byte[] pixels, Instant createdAt) {

    public float[] networkInput() {
        float[] input = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            input[i] = (pixels[i] & 0xff) / 255f;
        }
        return input;
    }
}
