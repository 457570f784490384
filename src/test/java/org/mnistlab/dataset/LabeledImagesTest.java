package org.mnistlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabeledImagesTest {

    /** Four images: labels 3, 1, 3, 0; image i has every pixel = 10 × (i + 1). */
    private final LabeledImages images = build(new byte[] {3, 1, 3, 0});

    private static LabeledImages build(byte[] labels) {
        byte[] pixels = new byte[labels.length * DatasetKind.PIXELS];
        for (int i = 0; i < labels.length; i++) {
            for (int p = 0; p < DatasetKind.PIXELS; p++) {
                pixels[i * DatasetKind.PIXELS + p] = (byte) (10 * (i + 1));
            }
        }
        return new LabeledImages(DatasetKind.MNIST, Split.TEST, labels.length, pixels, labels);
    }

    @Test
    void indices_of_a_label_are_ascending_positions() {
        assertThat(images.indicesOf(3)).containsExactly(0, 2);
        assertThat(images.indicesOf(7)).isEmpty();
        assertThat(images.indicesOf(-1)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void class_mean_averages_the_pixels_of_that_class() {
        byte[][] means = images.classMeanImages();
        assertThat(means[3][100] & 0xff).isEqualTo(20); // (10 + 30) / 2
        assertThat(means[1][0] & 0xff).isEqualTo(20);
        assertThat(means[0][783] & 0xff).isEqualTo(40);
        assertThat(means[5]).containsOnly(0); // no samples: blank
    }

    @Test
    void pixel_reads_row_and_column() {
        assertThat(images.pixel(2, 27, 27)).isEqualTo(30);
        assertThat(images.label(1)).isEqualTo(1);
    }
}
