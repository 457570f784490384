package org.mnistlab.training;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.mnistlab.dataset.DatasetKind;

/**
 * Every setting of a {@link RunConfig}, described once: what validation messages, the configurator form, the
 * settings tables (reproducibility card, comparison) and the command line name it by.
 */
public enum RunSetting {
    NAME(setting("name", "Run name", "--name", String.class, RunConfig::name, RunConfig.Builder::name)
            .hint("Leave empty for a name made from the settings")
            .notListed()),
    DATASET(setting("dataset", "Dataset", "--dataset", DatasetKind.class, RunConfig::dataset,
            RunConfig.Builder::dataset).shapesModel()),
    ARCHITECTURE(setting("architecture", "Model", "--model", Architecture.class, RunConfig::architecture,
            RunConfig.Builder::architecture).shapesModel()),
    HIDDEN_LAYERS(setting("hiddenLayers", "Hidden layers", "--hidden", List.class, RunConfig::hiddenLayers,
            RunSetting::writeHiddenLayers)
            .hint("Units per hidden layer, e.g. 256, 128")
            .appliesWhen(c -> c.architecture() == Architecture.MLP).shapesModel()),
    OPTIMIZER(setting("optimizer", "Optimizer", "--optimizer", OptimizerKind.class, RunConfig::optimizer,
            RunConfig.Builder::optimizer)),
    LEARNING_RATE(setting("learningRate", "Learning rate", "--lr", Double.class, RunConfig::learningRate,
            RunConfig.Builder::learningRate)
            .hint("Adam: about 0.001; SGD: about 0.01–0.1")),
    MOMENTUM(setting("momentum", "Momentum", "--momentum", Double.class, RunConfig::momentum,
            RunConfig.Builder::momentum)
            .hint("SGD and Nesterov only")
            .appliesWhen(c -> c.optimizer() != null && c.optimizer().usesMomentum())),
    BATCH_SIZE(setting("batchSize", "Batch size", "--batch", Integer.class, RunConfig::batchSize,
            RunConfig.Builder::batchSize)),
    EPOCHS(setting("epochs", "Epochs", "--epochs", Integer.class, RunConfig::epochs, RunConfig.Builder::epochs)),
    SEED(setting("seed", "Seed", "--seed", Long.class, RunConfig::seed, RunConfig.Builder::seed)
            .formLabel("Random seed")),
    L1(setting("l1", "L1", "--l1", Double.class, RunConfig::l1, RunConfig.Builder::l1)),
    L2(setting("l2", "L2", "--l2", Double.class, RunConfig::l2, RunConfig.Builder::l2)
            .hint("Penalty on large weights, e.g. 0.0001")
            .formLabel("L2 (weight decay)")),
    CONV_DROPOUT(setting("convDropout", "Conv dropout", "--conv-dropout", Double.class, RunConfig::convDropout,
            RunConfig.Builder::convDropout)
            .formLabel("Dropout after conv blocks")
            .appliesWhen(c -> c.architecture() != null && c.architecture().convolutional()).shapesModel()),
    DENSE_DROPOUT(setting("denseDropout", "Dense dropout", "--dense-dropout", Double.class,
            RunConfig::denseDropout, RunConfig.Builder::denseDropout)
            .formLabel("Dropout after dense layers").shapesModel()),
    BATCH_NORM(setting("batchNorm", "Batch normalization", "--batch-norm", Boolean.class, RunConfig::batchNorm,
            RunConfig.Builder::batchNorm).shapesModel()),
    LABEL_SMOOTHING(setting("labelSmoothing", "Label smoothing", "--label-smoothing", Double.class,
            RunConfig::labelSmoothing, RunConfig.Builder::labelSmoothing)
            .hint("Softer training targets, e.g. 0.1: the true class 0.91, each other 0.01; 0 = off")),
    AUGMENTATION_ROTATION(setting("augmentation.maxRotationDegrees", "Augmentation: rotation (±°)", "--augment",
            Double.class, c -> c.augmentation().maxRotationDegrees(), RunConfig.Builder::maxRotationDegrees)
            .hint("0–45; e.g. 10")
            .formLabel("Rotation ± degrees")),
    AUGMENTATION_SHIFT(setting("augmentation.maxShiftPixels", "Augmentation: shift (px)", "--augment",
            Double.class, c -> c.augmentation().maxShiftPixels(), RunConfig.Builder::maxShiftPixels)
            .hint("0–8; e.g. 2")
            .formLabel("Shift ± pixels")),
    AUGMENTATION_ZOOM(setting("augmentation.zoomRange", "Augmentation: zoom (±)", "--augment", Double.class,
            c -> c.augmentation().zoomRange(), RunConfig.Builder::zoomRange)
            .hint("0–0.5; e.g. 0.1")
            .formLabel("Zoom ± fraction")),
    VALIDATION_FRACTION(setting("validationFraction", "Validation split", "--validation", Double.class,
            RunConfig::validationFraction, RunConfig.Builder::validationFraction)
            .hint("Share of the training images held out, e.g. 0.1")),
    EARLY_STOPPING_PATIENCE(setting("earlyStoppingPatience", "Early stopping patience", "--patience",
            Integer.class, RunConfig::earlyStoppingPatience, RunConfig.Builder::earlyStoppingPatience)
            .hint("Stop after this many epochs without a better validation loss; 0 = off")
            .format(p -> p == 0 ? "off" : String.valueOf(p))),
    /** On the command line only its opposite is an option: the best weights are kept unless told not to. */
    RESTORE_BEST_WEIGHTS(setting("restoreBestWeights", "Restore best weights", "--no-restore", Boolean.class,
            RunConfig::restoreBestWeights, RunConfig.Builder::restoreBestWeights)
            .formLabel("Keep the best epoch's weights")
            .appliesWhen(c -> c.earlyStoppingPatience() > 0)),
    LR_SCHEDULE_TYPE(setting("lrSchedule.type", "LR schedule", "--schedule", LrSchedule.Type.class,
            c -> c.lrSchedule().type(), RunConfig.Builder::scheduleType)
            .formLabel("Learning-rate schedule")
            .format(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-'))),
    LR_SCHEDULE_FACTOR(setting("lrSchedule.factor", "LR decay factor", "--schedule", Double.class,
            c -> c.lrSchedule().factor(), RunConfig.Builder::scheduleFactor)
            .formLabel("Decay factor")
            .appliesWhen(c -> c.lrSchedule().type() == LrSchedule.Type.STEP
                    || c.lrSchedule().type() == LrSchedule.Type.PLATEAU)),
    LR_SCHEDULE_STEP_EPOCHS(setting("lrSchedule.stepEpochs", "LR step (epochs)", "--schedule", Integer.class,
            c -> c.lrSchedule().stepEpochs(), RunConfig.Builder::scheduleStepEpochs)
            .formLabel("Every N epochs")
            .appliesWhen(c -> c.lrSchedule().type() == LrSchedule.Type.STEP)),
    LR_SCHEDULE_PATIENCE(setting("lrSchedule.patience", "LR plateau patience", "--schedule", Integer.class,
            c -> c.lrSchedule().patience(), RunConfig.Builder::schedulePatience)
            .formLabel("Plateau patience")
            .appliesWhen(c -> c.lrSchedule().type() == LrSchedule.Type.PLATEAU)),
    LR_SCHEDULE_WARMUP(setting("lrSchedule.warmupEpochs", "LR warm-up (epochs)", "--schedule", Double.class,
            c -> c.lrSchedule().warmupEpochs(), RunConfig.Builder::scheduleWarmupEpochs)
            .hint("One-cycle: epochs rising to the max rate (about 1/4 of the run); cosine: linear warm-up")
            .formLabel("Warm-up epochs")
            .appliesWhen(c -> c.lrSchedule().type().perBatch())),
    LR_SCHEDULE_MAX_RATE(setting("lrSchedule.maxLearningRate", "LR one-cycle peak", "--schedule", Double.class,
            c -> c.lrSchedule().maxLearningRate(), RunConfig.Builder::scheduleMaxLearningRate)
            .hint("Peak rate; the learning rate is where the cycle starts, e.g. 10× below")
            .formLabel("Max learning rate")
            .appliesWhen(c -> c.lrSchedule().type() == LrSchedule.Type.ONE_CYCLE)),
    TRAIN_SUBSET(setting("trainSubset", "Training subset", "--subset", Integer.class, RunConfig::trainSubset,
            RunConfig.Builder::trainSubset)
            .hint("0 = all; a small number (e.g. 2000) trains in seconds")
            .formLabel("Training images")
            .format(n -> n == 0 ? "all" : String.valueOf(n)));

    private final Description<?> d;

    RunSetting(Description<?> description) {
        this.d = description;
    }

    /**
     * The RunConfig component name, dotted for a part of a nested one (e.g. {@code augmentation.zoomRange});
     * also the form field's id ({@code field-augmentation-zoomRange}).
     */
    public String key() {
        return d.key;
    }

    /** How settings tables name it. */
    public String label() {
        return d.label;
    }

    /** How the configurator form names it, under its section heading. */
    public String formLabel() {
        return d.formLabel;
    }

    /** What to enter, e.g. a typical value; empty if the label says enough. */
    public String hint() {
        return d.hint;
    }

    /** The {@code train} option that sets it; the parts of a nested setting share one option. */
    public String cliOption() {
        return d.cliOption;
    }

    /** The type of its value (boxed); {@link List} of Integer for the hidden layers. */
    public Class<?> type() {
        return d.type;
    }

    /** False for the run's name: it changes nothing about training, so settings tables leave it out. */
    public boolean listed() {
        return d.listed;
    }

    /** Whether it changes the network's layers (what the configurator's layer table shows). */
    public boolean shapesModel() {
        return d.shapesModel;
    }

    /** Whether this configuration uses it (e.g. momentum only for optimizers with momentum). */
    public boolean appliesTo(RunConfig config) {
        return d.applies.test(config);
    }

    public Object value(RunConfig config) {
        return d.read.apply(config);
    }

    /** The value as settings tables show it: 0.001 not 1.0E-3, "yes"/"no", display names of choices. */
    public String format(RunConfig config) {
        return d.formatted(config);
    }

    /**
     * Sets this setting on a builder.
     *
     * @param value of {@link #type()}; null only for choices (dataset, model, optimizer, schedule type) and text
     */
    public void write(RunConfig.Builder builder, Object value) {
        d.write(builder, value);
    }

    /** The settings tables' settings, in order: every setting but the name. */
    public static List<RunSetting> listedSettings() {
        return Arrays.stream(values()).filter(RunSetting::listed).toList();
    }

    /** Shortest exact decimal form: 0.001 not 1.0E-3, 0.5 not 0.50, 2 not 2.0. */
    public static String decimal(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static <T> Description<T> setting(String key, String label, String cliOption, Class<T> type,
            Function<RunConfig, T> read, BiConsumer<RunConfig.Builder, T> write) {
        return new Description<>(key, label, cliOption, type, read, write);
    }

    @SuppressWarnings("unchecked")
    private static void writeHiddenLayers(RunConfig.Builder builder, List<?> layers) {
        builder.hiddenLayers((List<Integer>) layers);
    }

    /** One setting's description, typed so that reading and writing agree; filled in by the constants above. */
    private static final class Description<T> {
        private final String key;
        private final String label;
        private final String cliOption;
        private final Class<T> type;
        private final Function<RunConfig, T> read;
        private final BiConsumer<RunConfig.Builder, T> write;
        private String formLabel;
        private String hint = "";
        private Predicate<RunConfig> applies = c -> true;
        private Function<T, String> format = Description::formatPlain;
        private boolean listed = true;
        private boolean shapesModel;

        Description(String key, String label, String cliOption, Class<T> type, Function<RunConfig, T> read,
                    BiConsumer<RunConfig.Builder, T> write) {
            this.key = key;
            this.label = label;
            this.formLabel = label;
            this.cliOption = cliOption;
            this.type = type;
            this.read = read;
            this.write = write;
        }

        Description<T> formLabel(String text) {
            this.formLabel = text;
            return this;
        }

        Description<T> hint(String text) {
            this.hint = text;
            return this;
        }

        Description<T> appliesWhen(Predicate<RunConfig> condition) {
            this.applies = condition;
            return this;
        }

        Description<T> format(Function<T, String> formatter) {
            this.format = formatter;
            return this;
        }

        Description<T> notListed() {
            this.listed = false;
            return this;
        }

        Description<T> shapesModel() {
            this.shapesModel = true;
            return this;
        }

        String formatted(RunConfig config) {
            T value = read.apply(config);
            return value == null ? "" : format.apply(value);
        }

        void write(RunConfig.Builder builder, Object value) {
            write.accept(builder, type.cast(value));
        }

        private static String formatPlain(Object value) {
            if (value instanceof Double v) {
                return decimal(v);
            }
            if (value instanceof Boolean b) {
                return b ? "yes" : "no";
            }
            if (value instanceof List<?> list) {
                return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
            if (value instanceof DatasetKind dataset) {
                return dataset.displayName();
            }
            if (value instanceof Architecture architecture) {
                return architecture.displayName();
            }
            if (value instanceof OptimizerKind optimizer) {
                return optimizer.displayName();
            }
            return Objects.toString(value);
        }
    }
}
