package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;

class RunConfigTest {

    private static final RunConfig VALID = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST);

    /** A copy of VALID with some components replaced, via the canonical constructor. */
    private static RunConfig with(UnaryOperator<Object[]> change) {
        Object[] c = {VALID.name(), VALID.dataset(), VALID.architecture(), VALID.hiddenLayers(), VALID.optimizer(),
                VALID.learningRate(), VALID.momentum(), VALID.batchSize(), VALID.epochs(), VALID.seed(), VALID.l1(),
                VALID.l2(), VALID.convDropout(), VALID.denseDropout(), VALID.batchNorm(), VALID.augmentation(),
                VALID.validationFraction(), VALID.earlyStoppingPatience(), VALID.restoreBestWeights(),
                VALID.lrSchedule(), VALID.trainSubset()};
        c = change.apply(c);
        @SuppressWarnings("unchecked")
        RunConfig config = new RunConfig((String) c[0], (DatasetKind) c[1], (Architecture) c[2], (List<Integer>) c[3],
                (OptimizerKind) c[4], (double) c[5], (double) c[6], (int) c[7], (int) c[8], (long) c[9],
                (double) c[10], (double) c[11], (double) c[12], (double) c[13], (boolean) c[14],
                (Augmentation) c[15], (double) c[16], (int) c[17], (boolean) c[18], (LrSchedule) c[19], (int) c[20]);
        return config;
    }

    private static UnaryOperator<Object[]> set(int index, Object value) {
        return c -> {
            c[index] = value;
            return c;
        };
    }

    private static List<ConfigProblem> problems(UnaryOperator<Object[]> change) {
        return with(change).validate();
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
        assertThat(problems(set(5, 0.0))).containsExactly(new ConfigProblem("learningRate",
                "Learning rate must be greater than 0 and at most 10"));
        assertThat(problems(set(5, -0.1))).extracting(ConfigProblem::field).containsExactly("learningRate");
        assertThat(problems(set(5, 11.0))).extracting(ConfigProblem::field).containsExactly("learningRate");
        assertThat(problems(set(5, Double.NaN))).extracting(ConfigProblem::field).containsExactly("learningRate");
    }

    @Test
    void rejects_batch_sizes_outside_1_to_4096() {
        assertThat(problems(set(7, 0))).containsExactly(new ConfigProblem("batchSize",
                "Batch size must be between 1 and 4096"));
        assertThat(problems(set(7, 4097))).extracting(ConfigProblem::field).containsExactly("batchSize");
        assertThat(problems(set(7, 4096))).isEmpty();
    }

    @Test
    void rejects_epochs_outside_1_to_100() {
        assertThat(problems(set(8, 0))).containsExactly(new ConfigProblem("epochs", "Epochs must be between 1 and 100"));
        assertThat(problems(set(8, 101))).extracting(ConfigProblem::field).containsExactly("epochs");
    }

    @Test
    void rejects_momentum_regularization_and_dropout_out_of_range() {
        assertThat(problems(set(6, 1.0))).containsExactly(new ConfigProblem("momentum",
                "Momentum must be between 0 and 1 (exclusive)"));
        assertThat(problems(set(10, -1e-3))).containsExactly(new ConfigProblem("l1", "L1 must be between 0 and 1"));
        assertThat(problems(set(11, 2.0))).containsExactly(new ConfigProblem("l2", "L2 must be between 0 and 1"));
        assertThat(problems(set(12, 1.0))).containsExactly(new ConfigProblem("convDropout",
                "Dropout must be at least 0 and below 1"));
        assertThat(problems(set(13, -0.5))).containsExactly(new ConfigProblem("denseDropout",
                "Dropout must be at least 0 and below 1"));
    }

    @Test
    void rejects_bad_mlp_hidden_layers() {
        assertThat(problems(set(3, List.of()))).containsExactly(new ConfigProblem("hiddenLayers",
                "An MLP needs 1 to 5 hidden layers"));
        assertThat(problems(set(3, List.of(1, 2, 3, 4, 5, 6)))).extracting(ConfigProblem::message)
                .containsExactly("An MLP needs 1 to 5 hidden layers");
        assertThat(problems(set(3, List.of(128, 0)))).containsExactly(new ConfigProblem("hiddenLayers",
                "Hidden layer sizes must be between 1 and 4096"));
    }

    @Test
    void rejects_missing_choices_and_long_names() {
        assertThat(problems(set(1, null))).containsExactly(new ConfigProblem("dataset", "Choose a dataset"));
        assertThat(problems(set(4, null))).containsExactly(new ConfigProblem("optimizer", "Choose an optimizer"));
        assertThat(problems(set(0, "x".repeat(101)))).containsExactly(new ConfigProblem("name",
                "Name must be at most 100 characters"));
    }

    @Test
    void rejects_augmentation_beyond_its_ranges() {
        assertThat(problems(set(15, new Augmentation(46, 0, 0)))).containsExactly(new ConfigProblem(
                "augmentation.maxRotationDegrees", "Rotation must be between 0 and 45 degrees"));
        assertThat(problems(set(15, new Augmentation(0, 9, 0)))).containsExactly(new ConfigProblem(
                "augmentation.maxShiftPixels", "Shift must be between 0 and 8 pixels"));
        assertThat(problems(set(15, new Augmentation(0, 0, 0.6)))).containsExactly(new ConfigProblem(
                "augmentation.zoomRange", "Zoom range must be between 0 and 0.5"));
    }

    @Test
    void rejects_bad_validation_early_stopping_and_schedules() {
        assertThat(problems(set(16, 0.6))).containsExactly(new ConfigProblem("validationFraction",
                "Validation split must be between 0 and 0.5"));
        assertThat(problems(c -> {
            c[16] = 0.0;
            c[17] = 3;
            return c;
        })).containsExactly(new ConfigProblem("earlyStoppingPatience", "Early stopping needs a validation split above 0"));
        assertThat(problems(set(19, new LrSchedule(LrSchedule.Type.STEP, 1.5, 5, 2)))).containsExactly(
                new ConfigProblem("lrSchedule.factor", "Decay factor must be between 0 and 1 (exclusive)"));
        assertThat(problems(set(19, new LrSchedule(LrSchedule.Type.STEP, 0.5, 0, 2)))).containsExactly(
                new ConfigProblem("lrSchedule.stepEpochs", "Step must be between 1 and 100 epochs"));
        assertThat(problems(set(19, new LrSchedule(LrSchedule.Type.PLATEAU, 0.5, 5, 0)))).containsExactly(
                new ConfigProblem("lrSchedule.patience", "Plateau patience must be between 1 and 100"));
    }

    @Test
    void rejects_training_subsets_too_small_or_too_large() {
        assertThat(problems(set(20, 5))).containsExactly(new ConfigProblem("trainSubset",
                "A training subset needs at least 10 images (one per class)"));
        assertThat(problems(set(20, 60_001))).containsExactly(new ConfigProblem("trainSubset",
                "Training subset must be between 0 (all) and 60000 images"));
    }

    @Test
    void reports_every_problem_at_once() {
        assertThat(problems(c -> {
            c[5] = -1.0;
            c[7] = 0;
            c[8] = 0;
            return c;
        })).extracting(ConfigProblem::field).containsExactly("learningRate", "batchSize", "epochs");
    }
}
