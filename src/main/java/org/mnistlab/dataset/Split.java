package org.mnistlab.dataset;

import java.util.Locale;

/** The two published parts of every MNIST-family dataset; file names use the "train" / "t10k" prefixes. */
public enum Split {
    TRAIN("train", "train", 60_000),
    TEST("test", "t10k", 10_000);

    private final String id;
    private final String filePrefix;
    private final int publishedSize;

    Split(String id, String filePrefix, int publishedSize) {
        this.id = id;
        this.filePrefix = filePrefix;
        this.publishedSize = publishedSize;
    }

    /** How many images this split has in every dataset MNIST Lab knows; no valid file holds more. */
    public int publishedSize() {
        return publishedSize;
    }

    /** URL and CLI name: "train" or "test". */
    public String id() {
        return id;
    }

    public String imagesFile() {
        return filePrefix + "-images-idx3-ubyte.gz";
    }

    public String labelsFile() {
        return filePrefix + "-labels-idx1-ubyte.gz";
    }

    public static Split fromId(String id) {
        for (Split s : values()) {
            if (s.id.equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown split '" + id + "': use train or test");
    }
}
