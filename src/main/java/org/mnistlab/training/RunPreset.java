package org.mnistlab.training;

import org.mnistlab.dataset.DatasetKind;

/**
 * The seeds' experiments in one click: a path from a plain baseline to a regularized, augmented CNN, so a
 * student can see what each step buys. Each keeps the dataset it is applied to.
 */
public enum RunPreset {
    BASELINE_MLP("Baseline MLP", Architecture.MLP, Augmentation.NONE, null),
    SIMPLE_CNN("Simple CNN", Architecture.SIMPLE_CNN, Augmentation.NONE, null),
    REGULARIZED_CNN("Regularized CNN", Architecture.REGULARIZED_CNN, Augmentation.NONE, null),
    /** Augmented images are harder: 20 epochs, the rate halved every 5 (99.5 % on MNIST in the README). */
    REGULARIZED_CNN_AUGMENTED("Regularized CNN + augmentation", Architecture.REGULARIZED_CNN,
            new Augmentation(10, 2, 0.1), new Schedule(20, LrSchedule.step(0.5, 5))),
    FAST("Fast: compact CNN, one-cycle", Recipe.FAST),
    FAST_ACCURATE("Fast + accurate: regularized CNN, one-cycle", Recipe.ACCURATE);

    /** Epochs and learning-rate schedule where a preset needs other than its model's defaults. */
    private record Schedule(int epochs, LrSchedule lrSchedule) {
    }

    private final String displayName;
    /** The model, augmentation and schedule of a seeds' preset; null with a recipe, which has its own. */
    private final Architecture architecture;
    private final Augmentation augmentation;
    private final Schedule schedule;
    /** Null for the seeds' presets, which start from their model's defaults. */
    private final Recipe recipe;

    RunPreset(String displayName, Architecture architecture, Augmentation augmentation, Schedule schedule) {
        this.displayName = displayName;
        this.architecture = architecture;
        this.augmentation = augmentation;
        this.schedule = schedule;
        this.recipe = null;
    }

    RunPreset(String displayName, Recipe recipe) {
        this.displayName = displayName;
        this.architecture = null;
        this.augmentation = null;
        this.schedule = null;
        this.recipe = recipe;
    }

    public String displayName() {
        return displayName;
    }

    /** The preset's configuration on {@code dataset}, with an empty name so the readable default applies. */
    public RunConfig config(DatasetKind dataset) {
        if (recipe != null) {
            return recipe.config(dataset);
        }
        RunConfig.Builder config = RunConfig.defaults(architecture, dataset).toBuilder().augmentation(augmentation);
        if (schedule != null) {
            config.epochs(schedule.epochs()).lrSchedule(schedule.lrSchedule());
        }
        return config.build();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
