package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;

class RunConfigTest {

    private static final RunConfig VALID = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST);

    /** The problems of a copy of VALID with some settings changed. */
    private static List<ConfigProblem> problems(UnaryOperator<RunConfig.Builder> change) {
        return change.apply(VALID.toBuilder()).build().validate();
    }

    @Test
    void defaults_of_every_architecture_are_valid() {
        for (Architecture a : Architecture.values()) {
            for (DatasetKind d : DatasetKind.values()) {
                assertThat(RunConfig.defaults(a, d).validate()).as(a + " " + d).isEmpty();
            }
        }
    }

    @Test
    void regularized_cnn_defaults_to_15_epochs_halving_the_learning_rate_every_3() {
        RunConfig regularized = RunConfig.defaults(Architecture.REGULARIZED_CNN, DatasetKind.MNIST);
        assertThat(regularized.epochs()).isEqualTo(15);
        assertThat(regularized.lrSchedule()).isEqualTo(new LrSchedule(LrSchedule.Type.STEP, 0.5, 3, 2));
        for (Architecture plain : List.of(Architecture.LOGISTIC, Architecture.MLP, Architecture.SIMPLE_CNN,
                Architecture.LENET5)) {
            RunConfig d = RunConfig.defaults(plain, DatasetKind.MNIST);
            assertThat(d.epochs()).as(plain.name()).isEqualTo(10);
            assertThat(d.lrSchedule()).as(plain.name()).isEqualTo(LrSchedule.NONE);
        }
    }

    @Test
    void rejects_zero_negative_and_huge_learning_rates() {
        assertThat(problems(b -> b.learningRate(0.0))).containsExactly(new ConfigProblem(RunSetting.LEARNING_RATE,
                "Learning rate must be greater than 0 and at most 10"));
        assertThat(problems(b -> b.learningRate(-0.1))).extracting(ConfigProblem::setting).containsExactly(RunSetting.LEARNING_RATE);
        assertThat(problems(b -> b.learningRate(11.0))).extracting(ConfigProblem::setting).containsExactly(RunSetting.LEARNING_RATE);
        assertThat(problems(b -> b.learningRate(Double.NaN))).extracting(ConfigProblem::setting).containsExactly(RunSetting.LEARNING_RATE);
    }

    @Test
    void rejects_batch_sizes_outside_1_to_4096() {
        assertThat(problems(b -> b.batchSize(0))).containsExactly(new ConfigProblem(RunSetting.BATCH_SIZE,
                "Batch size must be between 1 and 4096"));
        assertThat(problems(b -> b.batchSize(4097))).extracting(ConfigProblem::setting).containsExactly(RunSetting.BATCH_SIZE);
        assertThat(problems(b -> b.batchSize(4096))).isEmpty();
    }

    @Test
    void rejects_epochs_outside_1_to_100() {
        assertThat(problems(b -> b.epochs(0))).containsExactly(new ConfigProblem(RunSetting.EPOCHS, "Epochs must be between 1 and 100"));
        assertThat(problems(b -> b.epochs(101))).extracting(ConfigProblem::setting).containsExactly(RunSetting.EPOCHS);
    }

    @Test
    void rejects_momentum_regularization_and_dropout_out_of_range() {
        assertThat(problems(b -> b.momentum(1.0))).containsExactly(new ConfigProblem(RunSetting.MOMENTUM,
                "Momentum must be between 0 and 1 (exclusive)"));
        assertThat(problems(b -> b.l1(-1e-3))).containsExactly(new ConfigProblem(RunSetting.L1, "L1 must be between 0 and 1"));
        assertThat(problems(b -> b.l2(2.0))).containsExactly(new ConfigProblem(RunSetting.L2, "L2 must be between 0 and 1"));
        assertThat(problems(b -> b.convDropout(1.0))).containsExactly(new ConfigProblem(RunSetting.CONV_DROPOUT,
                "Dropout must be at least 0 and below 1"));
        assertThat(problems(b -> b.denseDropout(-0.5))).containsExactly(new ConfigProblem(RunSetting.DENSE_DROPOUT,
                "Dropout must be at least 0 and below 1"));
    }

    @Test
    void rejects_label_smoothing_below_0_or_above_half_and_accepts_the_ends() {
        assertThat(problems(b -> b.labelSmoothing(-0.1))).containsExactly(new ConfigProblem(RunSetting.LABEL_SMOOTHING,
                "Label smoothing must be between 0 and 0.5"));
        assertThat(problems(b -> b.labelSmoothing(0.51))).extracting(ConfigProblem::setting)
                .containsExactly(RunSetting.LABEL_SMOOTHING);
        assertThat(problems(b -> b.labelSmoothing(Double.NaN))).extracting(ConfigProblem::setting)
                .containsExactly(RunSetting.LABEL_SMOOTHING);
        assertThat(problems(b -> b.labelSmoothing(0))).isEmpty();
        assertThat(problems(b -> b.labelSmoothing(0.5))).isEmpty();
    }

    @Test
    void rejects_bad_mlp_hidden_layers() {
        assertThat(problems(b -> b.hiddenLayers(List.of()))).containsExactly(new ConfigProblem(RunSetting.HIDDEN_LAYERS,
                "An MLP needs 1 to 5 hidden layers"));
        assertThat(problems(b -> b.hiddenLayers(List.of(1, 2, 3, 4, 5, 6)))).extracting(ConfigProblem::message)
                .containsExactly("An MLP needs 1 to 5 hidden layers");
        assertThat(problems(b -> b.hiddenLayers(List.of(128, 0)))).containsExactly(new ConfigProblem(RunSetting.HIDDEN_LAYERS,
                "Hidden layer sizes must be between 1 and 4096"));
    }

    @Test
    void rejects_missing_choices_and_long_names() {
        assertThat(problems(b -> b.dataset(null))).containsExactly(new ConfigProblem(RunSetting.DATASET, "Choose a dataset"));
        assertThat(problems(b -> b.optimizer(null))).containsExactly(new ConfigProblem(RunSetting.OPTIMIZER, "Choose an optimizer"));
        assertThat(problems(b -> b.name("x".repeat(101)))).containsExactly(new ConfigProblem(RunSetting.NAME,
                "Name must be at most 100 characters"));
    }

    @Test
    void rejects_augmentation_beyond_its_ranges() {
        assertThat(problems(b -> b.augmentation(new Augmentation(46, 0, 0)))).containsExactly(new ConfigProblem(RunSetting.AUGMENTATION_ROTATION, "Rotation must be between 0 and 45 degrees"));
        assertThat(problems(b -> b.augmentation(new Augmentation(0, 9, 0)))).containsExactly(new ConfigProblem(RunSetting.AUGMENTATION_SHIFT, "Shift must be between 0 and 8 pixels"));
        assertThat(problems(b -> b.augmentation(new Augmentation(0, 0, 0.6)))).containsExactly(new ConfigProblem(RunSetting.AUGMENTATION_ZOOM, "Zoom range must be between 0 and 0.5"));
    }

    @Test
    void rejects_bad_validation_early_stopping_and_schedules() {
        assertThat(problems(b -> b.validationFraction(0.6))).containsExactly(new ConfigProblem(RunSetting.VALIDATION_FRACTION,
                "Validation split must be between 0 and 0.5"));
        assertThat(problems(b -> b.validationFraction(0.0).earlyStoppingPatience(3))).containsExactly(new ConfigProblem(RunSetting.EARLY_STOPPING_PATIENCE, "Early stopping needs a validation split above 0"));
        assertThat(problems(b -> b.lrSchedule(new LrSchedule(LrSchedule.Type.STEP, 1.5, 5, 2)))).containsExactly(
                new ConfigProblem(RunSetting.LR_SCHEDULE_FACTOR, "Decay factor must be between 0 and 1 (exclusive)"));
        assertThat(problems(b -> b.lrSchedule(new LrSchedule(LrSchedule.Type.STEP, 0.5, 0, 2)))).containsExactly(
                new ConfigProblem(RunSetting.LR_SCHEDULE_STEP_EPOCHS, "Step must be between 1 and 100 epochs"));
        assertThat(problems(b -> b.lrSchedule(new LrSchedule(LrSchedule.Type.PLATEAU, 0.5, 5, 0)))).containsExactly(
                new ConfigProblem(RunSetting.LR_SCHEDULE_PATIENCE, "Plateau patience must be between 1 and 100"));
    }

    @Test
    void rejects_training_subsets_too_small_or_too_large() {
        assertThat(problems(b -> b.trainSubset(5))).containsExactly(new ConfigProblem(RunSetting.TRAIN_SUBSET,
                "A training subset needs at least 10 images (one per class)"));
        assertThat(problems(b -> b.trainSubset(60_001))).containsExactly(new ConfigProblem(RunSetting.TRAIN_SUBSET,
                "Training subset must be between 0 (all) and 60000 images"));
    }

    @Test
    void refuses_a_subset_larger_than_what_the_validation_split_leaves_and_says_the_maximum() {
        assertThat(problems(b -> b.validationFraction(0.1).trainSubset(60_000))).containsExactly(new ConfigProblem(
                RunSetting.TRAIN_SUBSET, "A validation split of 0.1 leaves at most 54000 training images (0 = all of them)"));
        assertThat(problems(b -> b.validationFraction(0.25).trainSubset(45_001))).extracting(ConfigProblem::message)
                .containsExactly("A validation split of 0.25 leaves at most 45000 training images (0 = all of them)");
        assertThat(problems(b -> b.validationFraction(0.1).trainSubset(54_000))).isEmpty();
        assertThat(problems(b -> b.validationFraction(0.0).trainSubset(60_000))).isEmpty();
    }

    @Test
    void reports_every_problem_at_once() {
        assertThat(problems(b -> b.learningRate(-1.0).batchSize(0).epochs(0))).extracting(ConfigProblem::setting)
                .containsExactly(RunSetting.LEARNING_RATE, RunSetting.BATCH_SIZE, RunSetting.EPOCHS);
    }
}
