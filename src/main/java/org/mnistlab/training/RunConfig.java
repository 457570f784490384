package org.mnistlab.training;

import java.util.ArrayList;
import java.util.List;
import org.mnistlab.dataset.DataSplit;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.Split;

/**
 * Everything that defines a training run; immutable, stored with the run as JSON so it can be re-run.
 *
 * @param hiddenLayers hidden layer sizes of the MLP (ignored by other architectures)
 * @param momentum for SGD / Nesterov only
 * @param convDropout dropout rate after each conv block (regularized CNN), 0 = none
 * @param denseDropout dropout rate after hidden dense layers, 0 = none
 * @param batchNorm batch normalization after conv / hidden dense layers
 * @param labelSmoothing share of each training target spread evenly over the classes (0.1: 0.91 for the true
 *                       class, 0.01 for each other); 0 = plain one-hot targets. Measured losses stay plain
 *                       cross-entropy against the true class.
 * @param validationFraction share of the training split held out for validation (0.1 → 54,000 / 6,000)
 * @param earlyStoppingPatience stop after this many epochs without a better validation loss; 0 = off
 * @param restoreBestWeights with early stopping, keep the best epoch's weights
 * @param trainSubset train on this many images (stratified by class); 0 = the whole training part
 */
public record RunConfig(
        String name,
        DatasetKind dataset,
        Architecture architecture,
        List<Integer> hiddenLayers,
        OptimizerKind optimizer,
        double learningRate,
        double momentum,
        int batchSize,
        int epochs,
        long seed,
        double l1,
        double l2,
        double convDropout,
        double denseDropout,
        boolean batchNorm,
        double labelSmoothing,
        Augmentation augmentation,
        double validationFraction,
        int earlyStoppingPatience,
        boolean restoreBestWeights,
        LrSchedule lrSchedule,
        int trainSubset) {

    public static final int MAX_EPOCHS = 100;
    public static final int MAX_NAME = 100;
    public static final int MAX_BATCH = 4096;
    /** Above this the true class's target would no longer stand out (at 0.9 all ten targets are equal). */
    public static final double MAX_LABEL_SMOOTHING = 0.5;
    /** The training split of both datasets (MNIST and Fashion-MNIST). */
    public static final int TRAINING_SPLIT_IMAGES = Split.TRAIN.publishedSize();

    /** Halve the learning rate every 3 epochs (the regularized CNN's default). */
    public static final LrSchedule STEP_HALVING_EVERY_3 = LrSchedule.step(0.5, 3);

    public RunConfig {
        hiddenLayers = hiddenLayers == null ? List.of() : List.copyOf(hiddenLayers);
        augmentation = augmentation == null ? Augmentation.NONE : augmentation;
        lrSchedule = lrSchedule == null ? LrSchedule.NONE : lrSchedule;
        name = name == null ? "" : name.strip();
    }

    /**
     * The default settings for an architecture on a dataset (the seeds' choices), with the epochs and
     * learning-rate schedule that reach the README's full-MNIST accuracy targets: 10 epochs for the plain
     * models, 15 with the rate halved every 3 epochs for the regularized CNN, whose dropout needs the longer,
     * cooling run (5 epochs at a constant rate stopped at 99.15 %).
     */
    public static RunConfig defaults(Architecture architecture, DatasetKind dataset) {
        if (architecture == Architecture.COMPACT_CNN) {
            return Recipe.FAST.config(dataset);
        }
        boolean regularized = architecture == Architecture.REGULARIZED_CNN;
        return builder()
                .dataset(dataset)
                .architecture(architecture)
                .hiddenLayers(architecture == Architecture.MLP ? List.of(128) : List.of())
                .optimizer(OptimizerKind.ADAM)
                .learningRate(0.001)
                .momentum(0.9)
                .batchSize(architecture.convolutional() ? 64 : 128)
                .epochs(regularized ? 15 : 10)
                .seed(42)
                .l2(regularized ? 0 : 1e-4)
                .convDropout(regularized ? 0.25 : 0)
                .denseDropout(regularized ? 0.5 : 0)
                .batchNorm(regularized)
                .validationFraction(0.1)
                .restoreBestWeights(true)
                .lrSchedule(regularized ? STEP_HALVING_EVERY_3 : LrSchedule.NONE)
                .build();
    }

    /** A builder with nothing chosen: no name, dataset, model or optimizer, every number 0, no schedule. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to change some settings of a copy. */
    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .dataset(dataset)
                .architecture(architecture)
                .hiddenLayers(hiddenLayers)
                .optimizer(optimizer)
                .learningRate(learningRate)
                .momentum(momentum)
                .batchSize(batchSize)
                .epochs(epochs)
                .seed(seed)
                .l1(l1)
                .l2(l2)
                .convDropout(convDropout)
                .denseDropout(denseDropout)
                .batchNorm(batchNorm)
                .labelSmoothing(labelSmoothing)
                .augmentation(augmentation)
                .validationFraction(validationFraction)
                .earlyStoppingPatience(earlyStoppingPatience)
                .restoreBestWeights(restoreBestWeights)
                .lrSchedule(lrSchedule)
                .trainSubset(trainSubset);
    }

    /** Every problem with this configuration, each with a message that gives the allowed range; empty if valid. */
    public List<ConfigProblem> validate() {
        List<ConfigProblem> problems = new ArrayList<>();
        if (name.length() > MAX_NAME) {
            problems.add(new ConfigProblem(RunSetting.NAME, "Name must be at most " + MAX_NAME + " characters"));
        }
        if (dataset == null) {
            problems.add(new ConfigProblem(RunSetting.DATASET, "Choose a dataset"));
        }
        if (architecture == null) {
            problems.add(new ConfigProblem(RunSetting.ARCHITECTURE, "Choose a model"));
        }
        if (architecture == Architecture.MLP) {
            if (hiddenLayers.isEmpty() || hiddenLayers.size() > 5) {
                problems.add(new ConfigProblem(RunSetting.HIDDEN_LAYERS, "An MLP needs 1 to 5 hidden layers"));
            } else if (hiddenLayers.stream().anyMatch(h -> h == null || h < 1 || h > 4096)) {
                problems.add(new ConfigProblem(RunSetting.HIDDEN_LAYERS, "Hidden layer sizes must be between 1 and 4096"));
            }
        }
        if (optimizer == null) {
            problems.add(new ConfigProblem(RunSetting.OPTIMIZER, "Choose an optimizer"));
        }
        if (!(learningRate > 0) || learningRate > 10) {
            problems.add(new ConfigProblem(RunSetting.LEARNING_RATE, "Learning rate must be greater than 0 and at most 10"));
        }
        if (!(momentum >= 0) || momentum >= 1) {
            problems.add(new ConfigProblem(RunSetting.MOMENTUM, "Momentum must be between 0 and 1 (exclusive)"));
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            problems.add(new ConfigProblem(RunSetting.BATCH_SIZE, "Batch size must be between 1 and " + MAX_BATCH));
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            problems.add(new ConfigProblem(RunSetting.EPOCHS, "Epochs must be between 1 and " + MAX_EPOCHS));
        }
        if (!(l1 >= 0) || l1 > 1) {
            problems.add(new ConfigProblem(RunSetting.L1, "L1 must be between 0 and 1"));
        }
        if (!(l2 >= 0) || l2 > 1) {
            problems.add(new ConfigProblem(RunSetting.L2, "L2 must be between 0 and 1"));
        }
        if (!(convDropout >= 0) || convDropout >= 1) {
            problems.add(new ConfigProblem(RunSetting.CONV_DROPOUT, "Dropout must be at least 0 and below 1"));
        }
        if (!(denseDropout >= 0) || denseDropout >= 1) {
            problems.add(new ConfigProblem(RunSetting.DENSE_DROPOUT, "Dropout must be at least 0 and below 1"));
        }
        if (!(labelSmoothing >= 0) || labelSmoothing > MAX_LABEL_SMOOTHING) {
            problems.add(new ConfigProblem(RunSetting.LABEL_SMOOTHING,
                    "Label smoothing must be between 0 and " + MAX_LABEL_SMOOTHING));
        }
        if (!(augmentation.maxRotationDegrees() >= 0) || augmentation.maxRotationDegrees() > 45) {
            problems.add(new ConfigProblem(RunSetting.AUGMENTATION_ROTATION, "Rotation must be between 0 and 45 degrees"));
        }
        if (!(augmentation.maxShiftPixels() >= 0) || augmentation.maxShiftPixels() > 8) {
            problems.add(new ConfigProblem(RunSetting.AUGMENTATION_SHIFT, "Shift must be between 0 and 8 pixels"));
        }
        if (!(augmentation.zoomRange() >= 0) || augmentation.zoomRange() > 0.5) {
            problems.add(new ConfigProblem(RunSetting.AUGMENTATION_ZOOM, "Zoom range must be between 0 and 0.5"));
        }
        if (!(validationFraction >= 0) || validationFraction > 0.5) {
            problems.add(new ConfigProblem(RunSetting.VALIDATION_FRACTION, "Validation split must be between 0 and 0.5"));
        }
        if (earlyStoppingPatience < 0 || earlyStoppingPatience > MAX_EPOCHS) {
            problems.add(new ConfigProblem(RunSetting.EARLY_STOPPING_PATIENCE, "Patience must be between 0 (off) and " + MAX_EPOCHS));
        }
        if (earlyStoppingPatience > 0 && validationFraction == 0) {
            problems.add(new ConfigProblem(RunSetting.EARLY_STOPPING_PATIENCE, "Early stopping needs a validation split above 0"));
        }
        problems.addAll(batchScheduleProblems());
        if (lrSchedule.type() == LrSchedule.Type.STEP || lrSchedule.type() == LrSchedule.Type.PLATEAU) {
            if (!(lrSchedule.factor() > 0) || lrSchedule.factor() >= 1) {
                problems.add(new ConfigProblem(RunSetting.LR_SCHEDULE_FACTOR, "Decay factor must be between 0 and 1 (exclusive)"));
            }
            if (lrSchedule.type() == LrSchedule.Type.STEP && (lrSchedule.stepEpochs() < 1 || lrSchedule.stepEpochs() > MAX_EPOCHS)) {
                problems.add(new ConfigProblem(RunSetting.LR_SCHEDULE_STEP_EPOCHS, "Step must be between 1 and " + MAX_EPOCHS + " epochs"));
            }
            if (lrSchedule.type() == LrSchedule.Type.PLATEAU) {
                if (lrSchedule.patience() < 1 || lrSchedule.patience() > MAX_EPOCHS) {
                    problems.add(new ConfigProblem(RunSetting.LR_SCHEDULE_PATIENCE, "Plateau patience must be between 1 and " + MAX_EPOCHS));
                }
                if (validationFraction == 0) {
                    problems.add(new ConfigProblem(RunSetting.LR_SCHEDULE_TYPE, "Reduce on plateau needs a validation split above 0"));
                }
            }
        }
        if (trainSubset < 0 || trainSubset > TRAINING_SPLIT_IMAGES) {
            problems.add(new ConfigProblem(RunSetting.TRAIN_SUBSET, "Training subset must be between 0 (all) and "
                    + TRAINING_SPLIT_IMAGES + " images"));
        } else if (trainSubset > 0 && trainSubset < 10) {
            problems.add(new ConfigProblem(RunSetting.TRAIN_SUBSET, "A training subset needs at least 10 images (one per class)"));
        } else if (validationFraction >= 0 && validationFraction <= 0.5 && trainSubset > trainingImagesLeft()) {
            // refused rather than quietly trained on fewer images than asked for
            problems.add(new ConfigProblem(RunSetting.TRAIN_SUBSET, "A validation split of "
                    + RunSetting.decimal(validationFraction) + " leaves at most " + trainingImagesLeft()
                    + " training images (0 = all of them)"));
        }
        return problems;
    }

    /** Problems of the one-cycle and cosine schedules' warm-up and peak rate. */
    private List<ConfigProblem> batchScheduleProblems() {
        List<ConfigProblem> problems = new ArrayList<>();
        LrSchedule.Type type = lrSchedule.type();
        if (!type.perBatch()) {
            return problems;
        }
        double warmup = lrSchedule.warmupEpochs();
        boolean oneCycle = type == LrSchedule.Type.ONE_CYCLE;
        if (!(warmup >= 0) || (oneCycle && warmup == 0)) {
            problems.add(new ConfigProblem(RunSetting.LR_SCHEDULE_WARMUP, oneCycle
                    ? "One-cycle needs a warm-up above 0 epochs" : "Warm-up must be at least 0 epochs"));
        } else if (epochs >= 1 && warmup >= epochs) {
            problems.add(new ConfigProblem(RunSetting.LR_SCHEDULE_WARMUP, "Warm-up must be shorter than the run ("
                    + epochs + (epochs == 1 ? " epoch)" : " epochs)")));
        }
        if (oneCycle && (!(lrSchedule.maxLearningRate() > learningRate) || lrSchedule.maxLearningRate() > 10)) {
            problems.add(new ConfigProblem(RunSetting.LR_SCHEDULE_MAX_RATE,
                    "Max learning rate must be above the learning rate (" + RunSetting.decimal(learningRate)
                            + ") and at most 10"));
        }
        return problems;
    }

    /**
     * The training target for each class but the true one: labelSmoothing / 10 (0.01 for 0.1; 0 one-hot), in the
     * float the training batches hold.
     */
    public float otherClassTarget() {
        return (float) labelSmoothing / DatasetKind.CLASSES;
    }

    /** The training target for the true class: 1 - labelSmoothing + {@link #otherClassTarget()} (0.91 for 0.1). */
    public float trueClassTarget() {
        return 1f - (float) labelSmoothing + otherClassTarget();
    }

    /** The images of the training split that the validation split leaves for training. */
    public int trainingImagesLeft() {
        return TRAINING_SPLIT_IMAGES - DataSplit.validationSize(TRAINING_SPLIT_IMAGES, validationFraction);
    }

    /** The name, or if it is empty the readable name made from the settings ({@link #settingsName()}). */
    public String displayName() {
        return name.isEmpty() ? settingsName() : name;
    }

    /** A readable name made from the settings, e.g. "Simple CNN · MNIST · Adam 0.001 · 5 ep". */
    public String settingsName() {
        return architecture.displayName() + " · " + dataset.displayName() + " · " + optimizer.displayName()
                + " " + learningRate + " · " + epochs + " ep" + (augmentation.enabled() ? " · aug" : "");
    }

    /**
     * Builds a {@link RunConfig} one setting at a time. Its fields are the settings themselves (see
     * {@link RunSetting}), so the augmentation and the learning-rate schedule can be set as a whole or by part.
     */
    public static final class Builder {

        private String name = "";
        private DatasetKind dataset;
        private Architecture architecture;
        private List<Integer> hiddenLayers = List.of();
        private OptimizerKind optimizer;
        private double learningRate;
        private double momentum;
        private int batchSize;
        private int epochs;
        private long seed;
        private double l1;
        private double l2;
        private double convDropout;
        private double denseDropout;
        private boolean batchNorm;
        private double labelSmoothing;
        private double maxRotationDegrees;
        private double maxShiftPixels;
        private double zoomRange;
        private double validationFraction;
        private int earlyStoppingPatience;
        private boolean restoreBestWeights;
        private LrSchedule.Type scheduleType = LrSchedule.NONE.type();
        private double scheduleFactor = LrSchedule.NONE.factor();
        private int scheduleStepEpochs = LrSchedule.NONE.stepEpochs();
        private int schedulePatience = LrSchedule.NONE.patience();
        private double scheduleWarmupEpochs = LrSchedule.NONE.warmupEpochs();
        private double scheduleMaxLearningRate = LrSchedule.NONE.maxLearningRate();
        private int trainSubset;

        private Builder() {
        }

        public RunConfig build() {
            return new RunConfig(name, dataset, architecture, hiddenLayers, optimizer, learningRate, momentum,
                    batchSize, epochs, seed, l1, l2, convDropout, denseDropout, batchNorm, labelSmoothing,
                    new Augmentation(maxRotationDegrees, maxShiftPixels, zoomRange), validationFraction,
                    earlyStoppingPatience, restoreBestWeights,
                    new LrSchedule(scheduleType, scheduleFactor, scheduleStepEpochs, schedulePatience,
                            scheduleWarmupEpochs, scheduleMaxLearningRate), trainSubset);
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder dataset(DatasetKind dataset) {
            this.dataset = dataset;
            return this;
        }

        public Builder architecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        public Builder hiddenLayers(List<Integer> hiddenLayers) {
            this.hiddenLayers = hiddenLayers;
            return this;
        }

        public Builder optimizer(OptimizerKind optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder l1(double l1) {
            this.l1 = l1;
            return this;
        }

        public Builder l2(double l2) {
            this.l2 = l2;
            return this;
        }

        public Builder convDropout(double convDropout) {
            this.convDropout = convDropout;
            return this;
        }

        public Builder denseDropout(double denseDropout) {
            this.denseDropout = denseDropout;
            return this;
        }

        public Builder batchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        public Builder labelSmoothing(double labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }

        /** Sets all three augmentation settings; null means none. */
        public Builder augmentation(Augmentation augmentation) {
            Augmentation a = augmentation == null ? Augmentation.NONE : augmentation;
            return maxRotationDegrees(a.maxRotationDegrees()).maxShiftPixels(a.maxShiftPixels()).zoomRange(a.zoomRange());
        }

        public Builder maxRotationDegrees(double degrees) {
            this.maxRotationDegrees = degrees;
            return this;
        }

        public Builder maxShiftPixels(double pixels) {
            this.maxShiftPixels = pixels;
            return this;
        }

        public Builder zoomRange(double zoomRange) {
            this.zoomRange = zoomRange;
            return this;
        }

        public Builder validationFraction(double validationFraction) {
            this.validationFraction = validationFraction;
            return this;
        }

        public Builder earlyStoppingPatience(int earlyStoppingPatience) {
            this.earlyStoppingPatience = earlyStoppingPatience;
            return this;
        }

        public Builder restoreBestWeights(boolean restoreBestWeights) {
            this.restoreBestWeights = restoreBestWeights;
            return this;
        }

        /** Sets all the schedule's settings; null means a constant rate. */
        public Builder lrSchedule(LrSchedule schedule) {
            LrSchedule s = schedule == null ? LrSchedule.NONE : schedule;
            return scheduleType(s.type()).scheduleFactor(s.factor()).scheduleStepEpochs(s.stepEpochs())
                    .schedulePatience(s.patience()).scheduleWarmupEpochs(s.warmupEpochs())
                    .scheduleMaxLearningRate(s.maxLearningRate());
        }

        public Builder scheduleWarmupEpochs(double warmupEpochs) {
            this.scheduleWarmupEpochs = warmupEpochs;
            return this;
        }

        public Builder scheduleMaxLearningRate(double maxLearningRate) {
            this.scheduleMaxLearningRate = maxLearningRate;
            return this;
        }

        /** Null means a constant rate. */
        public Builder scheduleType(LrSchedule.Type type) {
            this.scheduleType = type == null ? LrSchedule.Type.NONE : type;
            return this;
        }

        public Builder scheduleFactor(double factor) {
            this.scheduleFactor = factor;
            return this;
        }

        public Builder scheduleStepEpochs(int stepEpochs) {
            this.scheduleStepEpochs = stepEpochs;
            return this;
        }

        public Builder schedulePatience(int patience) {
            this.schedulePatience = patience;
            return this;
        }

        public Builder trainSubset(int trainSubset) {
            this.trainSubset = trainSubset;
            return this;
        }
    }
}
