package org.mnistlab.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The datasets MNIST Lab knows: their folder name, class names, published MD5 sums of the .gz files
 * and the public mirrors they can be downloaded from (tried in order).
 */
public enum DatasetKind {
    MNIST("mnist", "MNIST",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            Map.of("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                    "train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432",
                    "t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3",
                    "t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c"),
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/",
                    "https://storage.googleapis.com/cvdf-datasets/mnist/",
                    "http://yann.lecun.com/exdb/mnist/")),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            Map.of("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                    "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe",
                    "t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79",
                    "t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"),
            List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                    "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/"));

    public static final int IMAGE_SIZE = 28;
    public static final int PIXELS = IMAGE_SIZE * IMAGE_SIZE;
    /** Both datasets have ten classes, labelled 0 to 9. */
    public static final int CLASSES = 10;

    private final String id;
    private final String displayName;
    private final List<String> classNames;
    private final Map<String, String> md5ByFile;
    private final List<String> mirrors;

    DatasetKind(String id, String displayName, List<String> classNames, Map<String, String> md5ByFile,
                List<String> mirrors) {
        this.id = id;
        this.displayName = displayName;
        this.classNames = classNames;
        this.md5ByFile = md5ByFile;
        this.mirrors = mirrors;
    }

    /** Folder, URL and CLI name: "mnist" or "fashion-mnist". */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public List<String> classNames() {
        return classNames;
    }

    public String className(int label) {
        return classNames.get(label);
    }

    /** The four .gz files, in a stable order. */
    public List<String> fileNames() {
        return List.of(Split.TRAIN.imagesFile(), Split.TRAIN.labelsFile(), Split.TEST.imagesFile(),
                Split.TEST.labelsFile());
    }

    /** Published MD5 of a .gz file of this dataset. */
    public String md5(String fileName) {
        return md5ByFile.get(fileName);
    }

    public List<String> mirrors() {
        return mirrors;
    }

    public static DatasetKind fromId(String id) {
        for (DatasetKind k : values()) {
            if (k.id.equals(id.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown dataset '" + id + "': use mnist or fashion-mnist");
    }

    @Override
    public String toString() {
        return displayName;
    }
}
