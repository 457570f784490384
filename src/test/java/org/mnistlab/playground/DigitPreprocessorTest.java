package org.mnistlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DigitPreprocessorTest {

    private final DigitPreprocessor preprocessor = new DigitPreprocessor();

    @Test
    void mnist_test_digits_drawn_back_at_ten_times_and_off_center_come_back_as_the_original() {
        double worstMean = 0;
        int worstMax = 0;
        for (int i = 0; i < 200; i++) {
            byte[] original = MnistTestDigits.image(i);
            // 280×280 canvas, the digit at 10× moved off-center by up to ±40 px, its ink kept on the canvas
            GrayImage canvas = MnistTestDigits.drawnBackOnPad(original, (i * 37) % 81 - 40, (i * 53) % 81 - 40);

            GrayImage result = preprocessor.process(canvas).centered();

            double mean = meanAbsDifference(original, result.pixels());
            worstMean = Math.max(worstMean, mean);
            worstMax = Math.max(worstMax, maxAbsDifference(original, result.pixels()));
        }
        System.out.printf("round trip of 200 MNIST test digits: worst mean |Δ| %.3f, worst max |Δ| %d (of 255)%n",
                worstMean, worstMax);
        assertThat(worstMean).as("mean absolute pixel difference").isLessThan(1.0);
    }

    @Test
    void a_smoothly_drawn_back_digit_stays_close_to_the_original() {
        // Bilinear upscaling softens the edges like a real pen: the box grows, the result must still match.
        double total = 0;
        for (int i = 0; i < 50; i++) {
            byte[] original = MnistTestDigits.image(i);
            GrayImage canvas = smoothlyUpscaled(original, 10, 17, -23);
            GrayImage result = preprocessor.process(canvas).centered();
            double mean = meanAbsDifference(original, result.pixels());
            assertThat(mean).as("digit %d", i).isLessThan(20.0); // a one-pixel misplacement gives ~25–40
            total += mean;
        }
        System.out.printf("smooth round trip of 50 digits: mean |Δ| %.2f of 255 per pixel%n", total / 50);
        assertThat(total / 50).isLessThan(10.0);
    }

    @Test
    void center_of_mass_lands_at_14_14() {
        GrayImage[] drawings = {
                MnistTestDigits.drawnBack(MnistTestDigits.image(7), 280, 10, 35, -31),
                MnistTestDigits.drawnBack(MnistTestDigits.image(42), 280, 10, -40, 12),
                drawn(g -> g.draw(new Line2D.Double(140, 30, 140, 250)), 22),                 // a "1"
                drawn(g -> g.draw(new Ellipse2D.Double(20, 160, 90, 110)), 18),               // a "0", low left
                drawn(g -> {                                                                   // a "7"
                    g.draw(new Line2D.Double(60, 40, 230, 40));
                    g.draw(new Line2D.Double(230, 40, 110, 260));
                }, 16),
                drawn(g -> g.draw(new Line2D.Double(10, 10, 12, 14)), 4),                     // a tiny dot
        };
        for (GrayImage drawing : drawings) {
            PreprocessingSteps steps = preprocessor.process(drawing);
            double[] com = centerOfMassOf(steps.centered());
            assertThat(com[0]).as("column of the center of mass").isCloseTo(14.0, within(0.5));
            assertThat(com[1]).as("row of the center of mass").isCloseTo(14.0, within(0.5));
            assertThat(steps.centerX()).isCloseTo(com[0], within(1e-9));
            assertThat(steps.centerY()).isCloseTo(com[1], within(1e-9));
        }
    }

    @Test
    void every_step_is_returned_with_its_size() {
        PreprocessingSteps steps = preprocessor.process(
                drawn(g -> g.draw(new Line2D.Double(140, 40, 140, 240)), 20));

        assertThat(steps.raw().width()).isEqualTo(280);
        // the stroke's box: 20 px wide (plus anti-aliased fringe), ~220 px tall
        assertThat(steps.cropped().height()).isBetween(218, 224);
        assertThat(steps.cropped().width()).isBetween(20, 24);
        assertThat(steps.fitted().width()).isEqualTo(20);
        assertThat(steps.fitted().height()).isEqualTo(20);
        assertThat(steps.centered().width()).isEqualTo(28);
        assertThat(steps.networkInput()).hasSize(784);
    }

    @Test
    void scaling_keeps_the_aspect_ratio_with_the_longer_side_at_20() {
        GrayImage bar = filledRect(280, 280, 100, 20, 40, 200); // 40 wide, 200 tall
        GrayImage centered = preprocessor.process(bar).centered();

        int[] box = inkBox(centered);
        assertThat(box[3] - box[1] + 1).as("height").isEqualTo(20);
        assertThat(box[2] - box[0] + 1).as("width").isEqualTo(4); // 40 × 20/200
    }

    @Test
    void area_averaging_antialiases_instead_of_dropping_thin_strokes() {
        // A 1 px line in a 100 px wide image, shrunk 10×: nearest neighbour would usually lose it.
        GrayImage thin = filledRect(100, 100, 43, 0, 1, 100);
        GrayImage small = DigitPreprocessor.resizeAreaAverage(thin, 10, 10);

        assertThat(small.at(4, 5)).isBetween(25, 26); // 255 / 10
        int total = 0;
        for (byte b : small.pixels()) {
            total += b & 0xff;
        }
        assertThat(total).as("ink is conserved (mean intensity kept)").isBetween(245, 265);
    }

    @Test
    void dark_ink_on_light_paper_is_inverted_first() {
        GrayImage bright = MnistTestDigits.drawnBack(MnistTestDigits.image(3), 280, 10, 5, 5);
        byte[] inverted = new byte[bright.pixels().length];
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = (byte) (255 - (bright.pixels()[i] & 0xff));
        }

        PreprocessingSteps fromPaper = preprocessor.process(new GrayImage(280, 280, inverted));

        assertThat(fromPaper.centered()).isEqualTo(preprocessor.process(bright).centered());
        assertThat(fromPaper.raw()).isEqualTo(bright);
    }

    @Test
    void rejects_an_empty_drawing_with_a_clear_message() {
        assertThatThrownBy(() -> preprocessor.process(GrayImage.blank(140, 140)))
                .isInstanceOf(EmptyDrawingException.class)
                .hasMessage("Draw a digit first");
        byte[] white = new byte[140 * 140];
        java.util.Arrays.fill(white, (byte) 255);
        assertThatThrownBy(() -> preprocessor.process(new GrayImage(140, 140, white)))
                .hasMessage("Draw a digit first");
        assertThatThrownBy(() -> preprocessor.process(GrayImage.fromBase64(140, 140, "")))
                .hasMessage("Draw a digit first");
    }

    @Test
    void decodes_the_pads_payload_and_rejects_a_wrong_size() {
        byte[] pixels = new byte[4 * 3];
        pixels[5] = (byte) 200;
        GrayImage image = GrayImage.fromBase64(4, 3, new GrayImage(4, 3, pixels).toBase64());
        assertThat(image.at(1, 1)).isEqualTo(200);

        assertThatThrownBy(() -> GrayImage.fromBase64(5, 5, image.toBase64()))
                .hasMessageContaining("Expected 25 pixels");
        assertThatThrownBy(() -> GrayImage.fromBase64(4, 3, "not base64!"))
                .hasMessageContaining("could not be decoded");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Strokes drawn with Java2D (round pen, anti-aliased) on a 280×280 pad, ink = white on black. */
    static GrayImage drawn(Consumer<Graphics2D> strokes, float penWidth) {
        BufferedImage img = new BufferedImage(280, 280, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(penWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        strokes.accept(g);
        g.dispose();
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        return new GrayImage(280, 280, data.clone());
    }

    private static GrayImage smoothlyUpscaled(byte[] digit, int scale, int dx, int dy) {
        BufferedImage src = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(digit, 0, ((DataBufferByte) src.getRaster().getDataBuffer()).getData(), 0, 784);
        BufferedImage dst = new BufferedImage(280, 280, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, dx, dy, 28 * scale, 28 * scale, null);
        g.dispose();
        return new GrayImage(280, 280, ((DataBufferByte) dst.getRaster().getDataBuffer()).getData().clone());
    }

    private static GrayImage filledRect(int w, int h, int left, int top, int rw, int rh) {
        byte[] p = new byte[w * h];
        for (int y = top; y < top + rh; y++) {
            for (int x = left; x < left + rw; x++) {
                p[y * w + x] = (byte) 255;
            }
        }
        return new GrayImage(w, h, p);
    }

    static double[] centerOfMassOf(GrayImage image) {
        double m = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                m += image.at(x, y);
                sx += image.at(x, y) * x;
                sy += image.at(x, y) * y;
            }
        }
        return new double[] {sx / m, sy / m};
    }

    /** minX, minY, maxX, maxY of the pixels above 0. */
    private static int[] inkBox(GrayImage image) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.at(x, y) > 0) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    static double meanAbsDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / a.length;
    }

    private static int maxAbsDifference(byte[] a, byte[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((a[i] & 0xff) - (b[i] & 0xff)));
        }
        return max;
    }
}
