package org.mnistlab.playground;

import java.time.Instant;
import org.mnistlab.training.NetworkInput;

/** A saved drawing: its true label and the 28×28 network input it became (784 bytes, 255 = ink). */
public record MyDigit(long id, int label, byte[] pixels, Instant createdAt) {

    public float[] networkInput() {
        return NetworkInput.of(pixels);
    }
}
