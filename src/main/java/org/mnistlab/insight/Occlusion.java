package org.mnistlab.insight;

import java.util.function.UnaryOperator;
import org.mnistlab.dataset.DatasetKind;

/**
 * Saliency by occlusion: "why did it say 7?". A blank square slides over the image; where blanking it lowers
 * the class's probability, those pixels drove the prediction. Every position goes through the model in one
 * inference batch, so it works the same for every architecture (dropout off, batch norm on its running
 * statistics), unlike input gradients, which DL4J only computes in training mode.
 */
public final class Occlusion {

    /** Side of the blank square, in pixels: about a stroke's width. */
    public static final int PATCH = 5;
    public static final int STRIDE = 1;
    private static final int SIZE = DatasetKind.IMAGE_SIZE;

    private Occlusion() {
    }

    /**
     * The heat map of one image for one class.
     *
     * @param pixels 784 values in [0, 1], 0 = background
     * @param model  probabilities of a batch: rows of 784 pixels in, rows of 10 probabilities out
     * @return per pixel, the mean drop of the class's probability over the squares covering it: positive
     *         where the pixel speaks for the class, negative where it speaks against; exactly 0 where blanking
     *         changes nothing (the background)
     */
    public static float[] map(float[] pixels, int classIndex, UnaryOperator<float[][]> model) {
        int positions = (SIZE - PATCH) / STRIDE + 1;
        float[][] batch = new float[positions * positions + 1][];
        batch[0] = pixels.clone();
        for (int py = 0; py < positions; py++) {
            for (int px = 0; px < positions; px++) {
                float[] occluded = pixels.clone();
                for (int y = py * STRIDE; y < py * STRIDE + PATCH; y++) {
                    for (int x = px * STRIDE; x < px * STRIDE + PATCH; x++) {
                        occluded[y * SIZE + x] = 0;
                    }
                }
                batch[1 + py * positions + px] = occluded;
            }
        }
        float[][] probabilities = model.apply(batch);
        float original = probabilities[0][classIndex];
        float[] sum = new float[SIZE * SIZE];
        int[] count = new int[SIZE * SIZE];
        for (int py = 0; py < positions; py++) {
            for (int px = 0; px < positions; px++) {
                int row = 1 + py * positions + px;
                float drop = sameImage(batch[row], pixels) ? 0 : original - probabilities[row][classIndex];
                for (int y = py * STRIDE; y < py * STRIDE + PATCH; y++) {
                    for (int x = px * STRIDE; x < px * STRIDE + PATCH; x++) {
                        sum[y * SIZE + x] += drop;
                        count[y * SIZE + x]++;
                    }
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = count[i] == 0 ? 0 : sum[i] / count[i];
        }
        return sum;
    }

    /** A square over background only leaves the image as it was: its drop is 0 exactly, not float noise. */
    private static boolean sameImage(float[] a, float[] b) {
        return java.util.Arrays.equals(a, b);
    }
}
