package org.mnistlab.training;

/**
 * Random transforms applied on the fly to training batches only.
 *
 * @param maxRotationDegrees each image is rotated by a uniform angle in ±this
 * @param maxShiftPixels shifted by up to this many pixels in x and y
 * @param zoomRange scaled by a factor in [1 − zoomRange, 1 + zoomRange]
 */
public record Augmentation(double maxRotationDegrees, double maxShiftPixels, double zoomRange) {

    public static final Augmentation NONE = new Augmentation(0, 0, 0);

    public boolean enabled() {
        return maxRotationDegrees > 0 || maxShiftPixels > 0 || zoomRange > 0;
    }
}
