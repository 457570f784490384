package org.mnistlab.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Occlusion saliency against a model whose evidence is known: the ink in a vertical bar. */
class OcclusionTest {

    /** A 10×20 stroke in columns 12..15, rows 4..23. */
    private static float[] bar() {
        float[] pixels = new float[784];
        for (int y = 4; y < 24; y++) {
            for (int x = 12; x < 16; x++) {
                pixels[y * 28 + x] = 1f;
            }
        }
        return pixels;
    }

    /** Class 1's probability grows with the ink in columns 12..15; the rest share what is left. */
    private static float[][] barDetector(float[][] batch) {
        float[][] out = new float[batch.length][10];
        for (int i = 0; i < batch.length; i++) {
            float ink = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 12; x < 16; x++) {
                    ink += batch[i][y * 28 + x];
                }
            }
            out[i][1] = ink / 80f;
            for (int c = 0; c < 10; c++) {
                if (c != 1) {
                    out[i][c] = (1 - out[i][1]) / 9;
                }
            }
        }
        return out;
    }

    @Test
    void blanking_the_stroke_lowers_the_score_and_the_background_stays_zero() {
        float[] heat = Occlusion.map(bar(), 1, OcclusionTest::barDetector);

        assertThat(heat).hasSize(784);
        assertThat(heat[14 * 28 + 13]).as("on the stroke").isPositive();
        assertThat(heat[0]).as("far corner").isZero();
        assertThat(heat[14 * 28 + 2]).as("left of the stroke, out of every square that touches it").isZero();
        // the other classes gain what class 1 loses
        assertThat(Occlusion.map(bar(), 7, OcclusionTest::barDetector)[14 * 28 + 13]).isNegative();
    }
}
