package org.mnistlab.insight;

/**
 * Why a model said what it said about one image.
 *
 * @param predicted the class with the highest probability
 * @param probabilities the 10 class probabilities
 * @param heat per pixel, {@link Occlusion#map} for the predicted class
 */
public record Saliency(int predicted, float[] probabilities, float[] heat) {

    /** The heat map over the digit as PNG: red where pixels speak for the prediction, blue against. */
    public byte[] png(float[] pixels, int scale) {
        return HeatPng.render(pixels, heat, scale);
    }
}
