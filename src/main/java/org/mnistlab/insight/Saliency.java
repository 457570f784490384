package org.mnistlab.insight;

/**
 * Why a model said what it said about one image.
 *
 * @param predicted the class with the highest probability
 * @param classIndex the class the heat map is about (the predicted one unless asked for another)
 * @param probabilities the 10 class probabilities
 * @param heat per pixel, {@link Occlusion#map} for {@code classIndex}
 */
public record Saliency(int predicted, int classIndex, float[] probabilities, float[] heat) {

    /** How the map was computed, in one sentence for the pages. */
    public static final String EXPLANATION = "Occlusion: a blank " + Occlusion.PATCH + "×" + Occlusion.PATCH
            + " square slid over the image; red marks the pixels whose blanking lowered the class's score most,"
            + " blue those whose blanking raised it.";

    /** The heat map over the digit as PNG: red where pixels speak for the class, blue against. */
    public byte[] png(float[] pixels, int scale) {
        return HeatPng.render(pixels, heat, scale);
    }
}
