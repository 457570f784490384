package org.mnistlab.dataset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads gzipped IDX files (the format MNIST is published in): a big-endian header with a magic number
 * (2051 images, 2049 labels), the dimensions, then unsigned bytes. Every problem becomes a
 * {@link DatasetFileException} that names the file. Counts announced by a header are checked against what
 * the split can have and what the file can hold before anything is allocated for them.
 */
public final class IdxReader {

    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;
    private static final int BUFFER = 1 << 16;
    /** Deflate cannot expand data more than 1032-fold, so a .gz file of n bytes holds fewer than 1032·n. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private IdxReader() {
    }

    /** {@link #readImages(Path, int)} bounded by the largest published split. */
    public static byte[] readImages(Path file) {
        return readImages(file, Split.TRAIN.publishedSize());
    }

    /**
     * Reads an images file of at most {@code maxImages} images; the images must be 28×28. Returns the pixels of
     * all images, concatenated.
     */
    public static byte[] readImages(Path file, int maxImages) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new DatasetFileException(file, "wrong magic number " + magic + " (an IDX images file has "
                        + IMAGES_MAGIC + ")");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != DatasetKind.IMAGE_SIZE || cols != DatasetKind.IMAGE_SIZE) {
                throw new DatasetFileException(file, "wrong dimensions " + rows + "×" + cols + " (expected 28×28)");
            }
            checkCount(file, count, maxImages, "images", DatasetKind.PIXELS);
            return readBody(in, file, (long) count * DatasetKind.PIXELS, count + " images");
        } catch (IOException e) {
            throw asDatasetProblem(file, e);
        }
    }

    /** {@link #readLabels(Path, int)} bounded by the largest published split. */
    public static byte[] readLabels(Path file) {
        return readLabels(file, Split.TRAIN.publishedSize());
    }

    /** Reads a labels file of at most {@code maxLabels} labels; every label must be 0–9. */
    public static byte[] readLabels(Path file, int maxLabels) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new DatasetFileException(file, "wrong magic number " + magic + " (an IDX labels file has "
                        + LABELS_MAGIC + ")");
            }
            int count = in.readInt();
            checkCount(file, count, maxLabels, "labels", 1);
            byte[] labels = readBody(in, file, count, count + " labels");
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] > 9) {
                    throw new DatasetFileException(file, "label " + (labels[i] & 0xff) + " at index " + i
                            + " is outside 0–9");
                }
            }
            return labels;
        } catch (IOException e) {
            throw asDatasetProblem(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 != 0x1f || b2 != 0x8b) {
            raw.close();
            throw new DatasetFileException(file, "not a gzip file");
        }
        return new DataInputStream(new GZIPInputStream(raw, BUFFER));
    }

    private static void checkCount(Path file, int count, int max, String what, int bytesEach) throws IOException {
        if (count < 0) {
            throw new DatasetFileException(file, "negative " + what + " count " + count + " in the header");
        }
        if (count > max) {
            throw new DatasetFileException(file, "header announces " + count + " " + what + ", more than the "
                    + max + " this file may have");
        }
        long size = Files.size(file);
        long capacity = size * MAX_DEFLATE_RATIO / bytesEach;
        if (count > capacity) {
            throw new DatasetFileException(file, "header announces " + count + " " + what + ", but a gzip file of "
                    + size + " bytes holds at most " + capacity);
        }
    }

    private static byte[] readBody(DataInputStream in, Path file, long length, String what) throws IOException {
        byte[] body = new byte[(int) length];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            throw new DatasetFileException(file, "truncated: header announces " + what + " but the data ends after "
                    + read + " of " + body.length + " bytes");
        }
        return body;
    }

    private static DatasetFileException asDatasetProblem(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DatasetFileException(file, "file is missing", e);
        }
        if (e instanceof EOFException) {
            return new DatasetFileException(file, "truncated: the file ends inside its data", e);
        }
        if (e instanceof ZipException) {
            return new DatasetFileException(file, "corrupt gzip data (" + e.getMessage() + ")", e);
        }
        return new DatasetFileException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
}
