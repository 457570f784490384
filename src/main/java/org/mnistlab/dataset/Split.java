package org.mnistlab.dataset;

import java.util.Locale;

/** The two published parts of every MNIST-family dataset; file names use the "train" / "t10k" prefixes. */
public enum Split {
    TRAIN("train", "train"),
    TEST("test", "t10k");

    private final String id;
    private final String filePrefix;

    Split(String id, String filePrefix) {
        this.id = id;
        this.filePrefix = filePrefix;
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
