package org.mnistlab.insight;

/**
 * What one layer made of one image.
 *
 * @param name the layer's name in the catalog ("conv1", "dense1")
 * @param channels feature maps of a conv layer, units of a dense layer
 * @param height map height (1 for a dense layer)
 * @param width map width (1 for a dense layer)
 * @param values channel-major: map {@code c} is {@code values[c*height*width ...]}
 */
public record LayerActivation(String name, int channels, int height, int width, float[] values) {

    public boolean dense() {
        return height == 1 && width == 1;
    }

    /** Map {@code c} as bytes 0..255 scaled to the layer's largest value (0 stays 0), for DigitPng. */
    public byte[] mapBytes(int c) {
        float max = 1e-12f;
        for (float v : values) {
            max = Math.max(max, v);
        }
        int area = height * width;
        byte[] out = new byte[area];
        for (int i = 0; i < area; i++) {
            out[i] = (byte) Math.round(255 * Math.max(0, values[c * area + i]) / max);
        }
        return out;
    }
}
