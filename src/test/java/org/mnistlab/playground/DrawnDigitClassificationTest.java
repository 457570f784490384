package org.mnistlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** A trained model gives a drawn-back MNIST digit, after preprocessing, the class it gives the original. */
class DrawnDigitClassificationTest {

    private static final int DIGITS = 300;

    private final DigitPreprocessor preprocessor = new DigitPreprocessor();
    private final MultiLayerNetwork model = new ModelCache(1).get(TinyModel.file());

    @Test
    void a_digit_drawn_back_large_and_off_center_is_classified_as_the_original() {
        int[] original = classify(i -> MnistTestDigits.image(i));
        int[] drawn = classify(i -> preprocessor.process(
                MnistTestDigits.drawnBackOnPad(MnistTestDigits.image(i), 40 - i % 81, i % 71 - 35)).centered().pixels());

        int same = 0;
        int right = 0;
        for (int i = 0; i < DIGITS; i++) {
            same += original[i] == drawn[i] ? 1 : 0;
            right += original[i] == MnistTestDigits.label(i) ? 1 : 0;
        }
        System.out.printf("tiny model: %d/%d originals right; drawn-back copies classified the same: %d/%d%n",
                right, DIGITS, same, DIGITS);
        assertThat(right).as("the model has learned something").isGreaterThan(DIGITS * 8 / 10);
        assertThat(same).isEqualTo(DIGITS);
    }

    @Test
    void a_shifted_original_without_preprocessing_would_often_be_misread() {
        // Shows that centering matters: the same digits moved 6 px without preprocessing lose accuracy.
        int[] shifted = classify(i -> shift(MnistTestDigits.image(i), 6, 5));
        int right = 0;
        for (int i = 0; i < DIGITS; i++) {
            right += shifted[i] == MnistTestDigits.label(i) ? 1 : 0;
        }
        System.out.printf("tiny model on digits shifted (6, 5) px without preprocessing: %d/%d right%n", right, DIGITS);
        assertThat(right).isLessThan(DIGITS * 7 / 10);
    }

    private int[] classify(IntFunction<byte[]> image) {
        float[][] x = new float[DIGITS][784];
        for (int i = 0; i < DIGITS; i++) {
            byte[] p = image.apply(i);
            for (int k = 0; k < 784; k++) {
                x[i][k] = (p[k] & 0xff) / 255f;
            }
        }
        float[][] out = model.output(Nd4j.create(x), false).toFloatMatrix();
        int[] classes = new int[DIGITS];
        for (int i = 0; i < DIGITS; i++) {
            classes[i] = Prediction.argMax(out[i]);
        }
        return classes;
    }

    private static byte[] shift(byte[] digit, int dx, int dy) {
        byte[] out = new byte[784];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int sx = x - dx;
                int sy = y - dy;
                if (sx >= 0 && sx < 28 && sy >= 0 && sy < 28) {
                    out[y * 28 + x] = digit[sy * 28 + sx];
                }
            }
        }
        return out;
    }
}
