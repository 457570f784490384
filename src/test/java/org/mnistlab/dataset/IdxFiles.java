package org.mnistlab.dataset;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files, valid or deliberately broken, for the tests. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** A raw (uncompressed) IDX images file: header then {@code count × rows × cols} pixel bytes. */
    static byte[] images(int magic, int count, int rows, int cols, int bodyBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeInt(magic);
            data.writeInt(count);
            data.writeInt(rows);
            data.writeInt(cols);
            for (int i = 0; i < bodyBytes; i++) {
                data.writeByte((i * 7) % 256);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A well-formed images file of {@code count} 28×28 images. */
    static byte[] images(int count) {
        return images(IdxReader.IMAGES_MAGIC, count, 28, 28, count * 784);
    }

    /** A raw IDX labels file with the given header count and labels. */
    static byte[] labels(int magic, int count, byte... labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeInt(magic);
            data.writeInt(count);
            data.write(labels);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A well-formed labels file: label {@code i % 10} for sample i. */
    static byte[] labels(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        return labels(IdxReader.LABELS_MAGIC, count, labels);
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A dataset folder with all four files well-formed but tiny (so their MD5s are not the published ones). */
    static Path smallDataset(Path dir, int train, int test) {
        write(dir.resolve(Split.TRAIN.imagesFile()), gzip(images(train)));
        write(dir.resolve(Split.TRAIN.labelsFile()), gzip(labels(train)));
        write(dir.resolve(Split.TEST.imagesFile()), gzip(images(test)));
        write(dir.resolve(Split.TEST.labelsFile()), gzip(labels(test)));
        return dir;
    }
}
