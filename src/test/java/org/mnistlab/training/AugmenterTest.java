package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.dataset.DatasetDownloader;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

class AugmenterTest {

    private static LabeledImages train;
    private static LabeledImages test;
    private final Augmenter augmenter = new Augmenter();

    @BeforeAll
    static void loadMnist() {
        Path datasets = Path.of(System.getProperty("mnistlab.datasets-dir", "../shared/datasets"));
        DatasetService service = new DatasetService(new MnistLabProperties(Path.of("target/test-data"), datasets,
                false, 1), new DatasetDownloader(), new SimpleAsyncTaskExecutor());
        train = service.samples(DatasetKind.MNIST, Split.TRAIN);
        test = service.samples(DatasetKind.MNIST, Split.TEST);
    }

    @Test
    void no_augmentation_returns_the_same_pixels() {
        byte[] image = test.image(0);
        assertThat(augmenter.augment(image, Augmentation.NONE, new Random(1))).isEqualTo(image);
    }

    @Test
    void a_pure_shift_moves_the_digit_by_whole_pixels_when_drawn_so() {
        byte[] image = test.image(0);
        // nextDouble() = 1 − tiny → shift ≈ +max; use a fixed generator returning 1.0 for x and y.
        Random alwaysMax = new Random() {
            @Override
            public double nextDouble() {
                return 1.0;
            }
        };
        byte[] shifted = augmenter.augment(image, new Augmentation(0, 2, 0), alwaysMax);
        for (int y = 2; y < 28; y++) {
            for (int x = 2; x < 28; x++) {
                assertThat(shifted[y * 28 + x]).isEqualTo(image[(y - 2) * 28 + (x - 2)]);
            }
        }
    }

    @Test
    void transformed_images_stay_in_range_and_keep_their_ink() {
        Augmentation strong = new Augmentation(15, 3, 0.15);
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] image = test.image(i);
            byte[] out = augmenter.augment(image, strong, random);
            assertThat(out).hasSize(784);
            // Bytes are unsigned pixels 0–255 by construction; the ink (sum) must roughly survive the transform.
            double inkIn = ink(image);
            double inkOut = ink(out);
            assertThat(inkOut).isBetween(inkIn * 0.5, inkIn * 1.6);
        }
    }

    @Test
    void augmented_digits_still_look_like_their_label() {
        // A nearest-class-mean classifier built on the training set: augmented test digits must still be
        // recognised about as well as originals, i.e. the transform keeps what makes the label.
        double[][] means = new double[10][784];
        int[] counts = train.classCounts();
        for (int i = 0; i < train.size(); i++) {
            for (int p = 0; p < 784; p++) {
                means[train.label(i)][p] += (train.pixels()[i * 784 + p] & 0xff) / (double) counts[train.label(i)];
            }
        }
        Augmentation moderate = new Augmentation(10, 2, 0.1);
        Random random = new Random(7);
        int n = 1000;
        int correctOriginal = 0;
        int correctAugmented = 0;
        for (int i = 0; i < n; i++) {
            byte[] image = test.image(i);
            correctOriginal += nearest(means, image) == test.label(i) ? 1 : 0;
            correctAugmented += nearest(means, augmenter.augment(image, moderate, random)) == test.label(i) ? 1 : 0;
        }
        assertThat(correctOriginal / (double) n).isGreaterThan(0.75);
        assertThat(correctAugmented / (double) n).isGreaterThan(0.55);
    }

    @Test
    void the_same_seed_gives_the_same_transform() {
        Augmentation a = new Augmentation(20, 4, 0.2);
        byte[] image = test.image(3);
        assertThat(augmenter.augment(image, a, new Random(5))).isEqualTo(augmenter.augment(image, a, new Random(5)))
                .isNotEqualTo(image);
    }

    private static double ink(byte[] image) {
        double sum = 0;
        for (byte b : image) {
            sum += b & 0xff;
        }
        return sum;
    }

    private static int nearest(double[][] means, byte[] image) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < 10; c++) {
            double d = 0;
            for (int p = 0; p < 784; p++) {
                double diff = (image[p] & 0xff) - means[c][p];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }
}
