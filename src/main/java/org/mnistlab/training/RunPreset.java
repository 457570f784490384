package org.mnistlab.training;

import org.mnistlab.dataset.DatasetKind;

/**
 * The seeds' experiments in one click: a path from a plain baseline to a regularized, augmented CNN, so a
 * student can see what each step buys. Each keeps the dataset it is applied to.
 */
public enum RunPreset {
    BASELINE_MLP("Baseline MLP", Architecture.MLP, Augmentation.NONE),
    SIMPLE_CNN("Simple CNN", Architecture.SIMPLE_CNN, Augmentation.NONE),
    REGULARIZED_CNN("Regularized CNN", Architecture.REGULARIZED_CNN, Augmentation.NONE),
    REGULARIZED_CNN_AUGMENTED("Regularized CNN + augmentation", Architecture.REGULARIZED_CNN,
            new Augmentation(10, 2, 0.1));

    private final String displayName;
    private final Architecture architecture;
    private final Augmentation augmentation;

    RunPreset(String displayName, Architecture architecture, Augmentation augmentation) {
        this.displayName = displayName;
        this.architecture = architecture;
        this.augmentation = augmentation;
    }

    public String displayName() {
        return displayName;
    }

    /** The preset's configuration on {@code dataset}, with an empty name so the readable default applies. */
    public RunConfig config(DatasetKind dataset) {
        return RunConfig.defaults(architecture, dataset).withAugmentation(augmentation);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
