package org.mnistlab.training;

/** The one input contract every model is trained on: 784 floats, pixel / 255, row-major. */
public final class NetworkInput {

    private NetworkInput() {
    }

    /** An image's bytes (0..255, 255 = ink) as the network reads them. */
    public static float[] of(byte[] pixels) {
        float[] input = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            input[i] = (pixels[i] & 0xff) / 255f;
        }
        return input;
    }
}
