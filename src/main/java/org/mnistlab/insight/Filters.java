package org.mnistlab.insight;

import java.util.List;

/**
 * The first layer's weights as images: a conv layer's kernels, or, for a network without convolutions, the
 * first dense layer's incoming weights per unit as 28×28 images (what each unit looks for).
 *
 * @param layer the layer's name
 * @param convolutional whether these are conv kernels
 * @param size side of each square image
 * @param weights one array of {@code size*size} weights per filter (or unit)
 * @param total how many filters (units) the layer has; {@code weights} may hold fewer
 */
public record Filters(String layer, boolean convolutional, int size, List<float[]> weights, int total) {

    /** Filter {@code i} as bytes for DigitPng: 0 → mid gray, the layer's largest |weight| → black or white. */
    public byte[] bytes(int i) {
        float max = 1e-12f;
        for (float[] w : weights) {
            for (float v : w) {
                max = Math.max(max, Math.abs(v));
            }
        }
        float[] w = weights.get(i);
        byte[] out = new byte[w.length];
        for (int p = 0; p < w.length; p++) {
            out[p] = (byte) Math.round(127.5f + 127.5f * w[p] / max);
        }
        return out;
    }
}
