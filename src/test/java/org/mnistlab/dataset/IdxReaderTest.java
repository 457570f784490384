package org.mnistlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on the real files and on crafted broken ones; every problem names the file. */
class IdxReaderTest {

    static final Path DATASETS = Path.of(System.getProperty("mnistlab.datasets-dir", "../shared/datasets"));

    @TempDir
    Path dir;

    @Test
    void reads_all_mnist_images_and_labels() {
        Path mnist = DATASETS.resolve("mnist");
        assertThat(IdxReader.readImages(mnist.resolve("train-images-idx3-ubyte.gz"))).hasSize(60_000 * 784);
        assertThat(IdxReader.readLabels(mnist.resolve("train-labels-idx1-ubyte.gz"))).hasSize(60_000);
        assertThat(IdxReader.readImages(mnist.resolve("t10k-images-idx3-ubyte.gz"))).hasSize(10_000 * 784);
        assertThat(IdxReader.readLabels(mnist.resolve("t10k-labels-idx1-ubyte.gz"))).hasSize(10_000);
    }

    @Test
    void mnist_label_counts_are_the_published_ones() {
        byte[] train = IdxReader.readLabels(DATASETS.resolve("mnist/train-labels-idx1-ubyte.gz"));
        byte[] test = IdxReader.readLabels(DATASETS.resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        assertThat(countByLabel(train)).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(countByLabel(test)).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    }

    @Test
    void reads_fashion_mnist_with_balanced_classes() {
        Path fashion = DATASETS.resolve("fashion-mnist");
        assertThat(IdxReader.readImages(fashion.resolve("train-images-idx3-ubyte.gz"))).hasSize(60_000 * 784);
        assertThat(IdxReader.readImages(fashion.resolve("t10k-images-idx3-ubyte.gz"))).hasSize(10_000 * 784);
        int[] train = countByLabel(IdxReader.readLabels(fashion.resolve("train-labels-idx1-ubyte.gz")));
        int[] test = countByLabel(IdxReader.readLabels(fashion.resolve("t10k-labels-idx1-ubyte.gz")));
        assertThat(train).containsOnly(6000);
        assertThat(test).containsOnly(1000);
    }

    @Test
    void first_mnist_training_image_is_a_five_with_the_known_pixels() {
        byte[] labels = IdxReader.readLabels(DATASETS.resolve("mnist/train-labels-idx1-ubyte.gz"));
        byte[] pixels = IdxReader.readImages(DATASETS.resolve("mnist/train-images-idx3-ubyte.gz"));
        assertThat(labels[0]).isEqualTo((byte) 5);
        // Row 5 of the famous first "5": values 3, 18, 18, 18, 126, 136, 175, 26, 166, 255 ... at columns 12 to 21
        int[] row5 = new int[10];
        for (int c = 0; c < 10; c++) {
            row5[c] = pixels[5 * 28 + 12 + c] & 0xff;
        }
        assertThat(row5).containsExactly(3, 18, 18, 18, 126, 136, 175, 26, 166, 255);
    }

    @Test
    void reads_a_small_well_formed_file() {
        Path images = IdxFiles.write(dir.resolve("images.gz"), IdxFiles.gzip(IdxFiles.images(3)));
        Path labels = IdxFiles.write(dir.resolve("labels.gz"), IdxFiles.gzip(IdxFiles.labels(3)));
        assertThat(IdxReader.readImages(images)).hasSize(3 * 784);
        assertThat(IdxReader.readLabels(labels)).containsExactly(0, 1, 2);
    }

    @Test
    void rejects_wrong_magic_number() {
        Path file = IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.images(IdxReader.LABELS_MAGIC, 2, 28, 28, 2 * 784)));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("wrong magic number 2049");
    }

    @Test
    void rejects_labels_file_with_images_magic() {
        Path file = IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.labels(IdxReader.IMAGES_MAGIC, 2, (byte) 1, (byte) 2)));
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("wrong magic number 2051");
    }

    @Test
    void rejects_images_truncated_before_the_announced_count() {
        Path file = IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.images(IdxReader.IMAGES_MAGIC, 100, 28, 28, 50 * 784)));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("100 images");
    }

    @Test
    void rejects_a_cut_off_gzip_stream() {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(20));
        Path file = IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void rejects_a_header_cut_short() {
        Path file = IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"),
                IdxFiles.gzip(new byte[] {0, 0, 8, 1, 0, 0}));
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void rejects_a_header_announcing_more_images_than_the_split_has_before_allocating_them() {
        // 64 bytes of gzip announcing five million images: 3.9 GB if sized from the header.
        Path file = IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.images(IdxReader.IMAGES_MAGIC, 5_000_000, 28, 28, 40)));
        assertThatThrownBy(() -> IdxReader.readImages(file, Split.TRAIN.publishedSize()))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("header announces 5000000 images, more than the 60000 this file may have");
    }

    @Test
    void rejects_a_header_announcing_more_labels_than_the_split_has() {
        Path file = IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.labels(IdxReader.LABELS_MAGIC, 2_000_000_000, (byte) 1, (byte) 2)));
        assertThatThrownBy(() -> IdxReader.readLabels(file, Split.TEST.publishedSize()))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("header announces 2000000000 labels, more than the 10000 this file may have");
    }

    @Test
    void rejects_a_header_announcing_more_images_than_the_file_can_hold() {
        Path file = IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.images(IdxReader.IMAGES_MAGIC, 9_000, 28, 28, 784)));
        long size = file.toFile().length();
        assertThatThrownBy(() -> IdxReader.readImages(file, Split.TEST.publishedSize()))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("header announces 9000 images, but a gzip file of " + size + " bytes holds at most "
                        + size * 1032 / 784);
    }

    @Test
    void rejects_a_negative_count() {
        Path file = IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.labels(IdxReader.LABELS_MAGIC, -3)));
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("negative labels count -3 in the header");
    }

    @Test
    void rejects_wrong_image_dimensions() {
        Path file = IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.images(IdxReader.IMAGES_MAGIC, 2, 32, 32, 2 * 32 * 32)));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("wrong dimensions 32×32 (expected 28×28)");
    }

    @Test
    void rejects_a_file_that_is_not_gzip() {
        Path file = IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxFiles.images(2));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a gzip file");
    }

    @Test
    void rejects_corrupt_gzip_data() {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(5));
        for (int i = 20; i < 60; i++) {
            gz[i] ^= 0x5a;
        }
        Path file = IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), gz);
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void rejects_labels_outside_zero_to_nine() {
        Path file = IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.labels(IdxReader.LABELS_MAGIC, 3, (byte) 1, (byte) 12, (byte) 3)));
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("label 12 at index 1 is outside 0–9");
    }

    @Test
    void names_a_missing_file() {
        Path file = dir.resolve("t10k-labels-idx1-ubyte.gz");
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("file is missing");
    }

    static int[] countByLabel(byte[] labels) {
        int[] counts = new int[10];
        for (byte l : labels) {
            counts[l]++;
        }
        return counts;
    }
}
