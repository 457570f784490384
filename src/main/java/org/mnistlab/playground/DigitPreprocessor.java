package org.mnistlab.playground;

import org.mnistlab.training.NetworkInput;
import org.springframework.stereotype.Component;

/**
 * Turns a drawing into a 28×28 network input the way MNIST itself was made (LeCun et al.): ink bright on
 * dark, crop to the ink's bounding box, scale with anti-aliasing so the longer side is 20 pixels (aspect
 * ratio kept), then place it in a 28×28 field so the center of mass of the ink is at pixel (14, 14).
 * Pure Java and stateless: safe to share between users.
 */
@Component
public class DigitPreprocessor {

    public static final int FIT = 20;
    public static final int SIZE = 28;
    /** Where the ink's center of mass goes, in pixel indices (MNIST test digits average (14.0, 14.0)). */
    public static final int CENTER = 14;

    /**
     * @throws EmptyDrawingException when the drawing has no ink
     */
    public PreprocessingSteps process(GrayImage drawing) {
        GrayImage raw = brightOnDark(drawing);
        GrayImage cropped = crop(raw);
        int longer = Math.max(cropped.width(), cropped.height());
        int w = Math.max(1, (int) Math.round(cropped.width() * (double) FIT / longer));
        int h = Math.max(1, (int) Math.round(cropped.height() * (double) FIT / longer));
        GrayImage scaled = resizeAreaAverage(cropped, w, h);
        GrayImage fitted = place(scaled, FIT, (FIT - w) / 2, (FIT - h) / 2);

        double[] com = centerOfMass(scaled);
        // Whole-pixel shift as MNIST did (no resampling blur); kept inside the field for lopsided ink.
        int left = clamp((int) Math.round(CENTER - com[0]), 0, SIZE - w);
        int top = clamp((int) Math.round(CENTER - com[1]), 0, SIZE - h);
        GrayImage centered = place(scaled, SIZE, left, top);
        return new PreprocessingSteps(raw, cropped, fitted, centered, com[0] + left, com[1] + top);
    }

    /**
     * The network input for a picture (e.g. an uploaded PNG): one of 28×28 is taken as MNIST stores digits, only
     * made bright on dark; a larger one is prepared as a drawing ({@link #process}).
     *
     * @throws EmptyDrawingException when a larger picture has no ink
     */
    public float[] networkInput(GrayImage picture) {
        if (picture.width() == SIZE && picture.height() == SIZE) {
            return NetworkInput.of(brightOnDark(picture).pixels());
        }
        return process(picture).networkInput();
    }

    /** MNIST digits are bright ink on a dark field; a picture whose border is mostly bright is inverted. */
    static GrayImage brightOnDark(GrayImage image) {
        int bright = 0;
        int border = 0;
        int w = image.width();
        int h = image.height();
        for (int x = 0; x < w; x++) {
            bright += (image.at(x, 0) > 127 ? 1 : 0) + (image.at(x, h - 1) > 127 ? 1 : 0);
            border += 2;
        }
        for (int y = 1; y < h - 1; y++) {
            bright += (image.at(0, y) > 127 ? 1 : 0) + (image.at(w - 1, y) > 127 ? 1 : 0);
            border += 2;
        }
        if (bright * 2 <= border) {
            return image;
        }
        byte[] inverted = new byte[image.pixels().length];
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = (byte) (255 - (image.pixels()[i] & 0xff));
        }
        return new GrayImage(w, h, inverted);
    }

    /** The ink's bounding box (any pixel above 0, as in MNIST). */
    static GrayImage crop(GrayImage image) {
        int w = image.width();
        int minX = w;
        int minY = image.height();
        int maxX = -1;
        int maxY = -1;
        byte[] p = image.pixels();
        for (int y = 0; y < image.height(); y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (p[row + x] != 0) {
                    if (x < minX) {
                        minX = x;
                    }
                    if (x > maxX) {
                        maxX = x;
                    }
                    if (y < minY) {
                        minY = y;
                    }
                    maxY = y;
                }
            }
        }
        if (maxX < 0) {
            throw new EmptyDrawingException();
        }
        int cw = maxX - minX + 1;
        int ch = maxY - minY + 1;
        byte[] out = new byte[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(p, (y + minY) * w + minX, out, y * cw, cw);
        }
        return new GrayImage(cw, ch, out);
    }

    /**
     * Resamples by area averaging: each output pixel is the mean of the input area it covers (fractional
     * pixels weighted by overlap), the anti-aliasing that keeps thin strokes visible when shrinking ~10×.
     * Separable: rows first, then columns.
     */
    static GrayImage resizeAreaAverage(GrayImage image, int newWidth, int newHeight) {
        int w = image.width();
        int h = image.height();
        float[] rows = new float[h * newWidth];
        Weights wx = Weights.of(w, newWidth);
        byte[] p = image.pixels();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < newWidth; x++) {
                float sum = 0;
                for (int k = wx.start[x]; k < wx.start[x + 1]; k++) {
                    sum += wx.weight[k] * (p[y * w + wx.index[k]] & 0xff);
                }
                rows[y * newWidth + x] = sum;
            }
        }
        Weights wy = Weights.of(h, newHeight);
        byte[] out = new byte[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            for (int x = 0; x < newWidth; x++) {
                float sum = 0;
                for (int k = wy.start[y]; k < wy.start[y + 1]; k++) {
                    sum += wy.weight[k] * rows[wy.index[k] * newWidth + x];
                }
                out[y * newWidth + x] = (byte) clamp(Math.round(sum), 0, 255);
            }
        }
        return new GrayImage(newWidth, newHeight, out);
    }

    /** Intensity-weighted mean column and row, in pixel indices. */
    static double[] centerOfMass(GrayImage image) {
        double mass = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int v = image.at(x, y);
                mass += v;
                sx += (double) v * x;
                sy += (double) v * y;
            }
        }
        if (mass == 0) {
            throw new EmptyDrawingException();
        }
        return new double[] {sx / mass, sy / mass};
    }

    private static GrayImage place(GrayImage image, int side, int left, int top) {
        byte[] out = new byte[side * side];
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.pixels(), y * image.width(), out, (y + top) * side + left, image.width());
        }
        return new GrayImage(side, side, out);
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    /**
     * For each output pixel of a 1-D resize, which input pixels it covers and by how much (overlap / span),
     * flattened: the entries of output i are {@code start[i] .. start[i+1]-1}.
     */
    private record Weights(int[] start, int[] index, float[] weight) {

        static Weights of(int from, int to) {
            double span = (double) from / to;
            int[] start = new int[to + 1];
            int[] index = new int[to * ((int) Math.ceil(span) + 2)];
            float[] weight = new float[index.length];
            int n = 0;
            for (int i = 0; i < to; i++) {
                start[i] = n;
                double a = i * span;
                double b = (i + 1) * span;
                for (int s = (int) Math.floor(a); s < Math.min(from, (int) Math.ceil(b)); s++) {
                    double overlap = Math.min(b, s + 1) - Math.max(a, s);
                    if (overlap > 1e-9) {
                        index[n] = s;
                        weight[n] = (float) (overlap / span);
                        n++;
                    }
                }
            }
            start[to] = n;
            return new Weights(start, index, weight);
        }
    }
}
