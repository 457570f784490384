package org.mnistlab.training;

import java.util.Locale;

/** The model catalog's architectures (the seeds' models); {@code id} is the CLI and URL name. */
public enum Architecture {
    LOGISTIC("logistic", "Logistic regression", "784 → 10 softmax: a linear baseline"),
    MLP("mlp", "MLP", "784 → hidden dense layers (default 128) → 10"),
    SIMPLE_CNN("cnn", "Simple CNN", "conv 32 3×3 → pool → conv 64 3×3 → pool → dense 128 → 10"),
    REGULARIZED_CNN("regcnn", "Regularized CNN",
            "(conv → batch norm → pool → dropout 0.25) ×2 → dense 128 → BN → dropout 0.5 → 10"),
    LENET5("lenet5", "LeNet-5", "conv 6 5×5 → pool → conv 16 5×5 → pool → dense 120 → 84 → 10"),
    /** The fast recipes' model: a narrower simple CNN with batch norm, trained with one-cycle. */
    COMPACT_CNN("compact", "Compact CNN",
            "(conv 24 3×3 → batch norm → pool) → (conv 48 3×3 → batch norm → pool) → dense 128 → BN → 10");

    private final String id;
    private final String displayName;
    private final String description;

    Architecture(String id, String displayName, String description) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public boolean convolutional() {
        return this == SIMPLE_CNN || this == REGULARIZED_CNN || this == LENET5 || this == COMPACT_CNN;
    }

    public static Architecture fromId(String id) {
        for (Architecture a : values()) {
            if (a.id.equals(id.toLowerCase(Locale.ROOT)) || a.name().equalsIgnoreCase(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown model '" + id + "': use logistic, mlp, cnn, regcnn, lenet5 or compact");
    }

    @Override
    public String toString() {
        return displayName;
    }
}
