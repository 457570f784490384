package org.mnistlab.playground;

import org.mnistlab.training.NetworkInput;

/**
 * Every stage of {@link DigitPreprocessor}, so a person can see what the model sees.
 *
 * @param raw      the drawing as received, ink bright on dark
 * @param cropped  cut to the ink's bounding box
 * @param fitted   scaled (area averaging) so the longer side is 20 pixels, centred in a 20×20 box
 * @param centered the 28×28 network input: the scaled ink placed so its center of mass is at (14, 14)
 * @param centerX  center of mass of {@code centered}, column (pixel indices, 0–27)
 * @param centerY  center of mass of {@code centered}, row
 */
public record PreprocessingSteps(GrayImage raw, GrayImage cropped, GrayImage fitted, GrayImage centered,
                                 double centerX, double centerY) {

    /** The network input: 784 floats, pixel / 255, row-major (the contract every model is trained on). */
    public float[] networkInput() {
        return NetworkInput.of(centered.pixels());
    }

}
