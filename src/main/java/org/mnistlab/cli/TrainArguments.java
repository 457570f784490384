package org.mnistlab.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.Augmentation;
import org.mnistlab.training.ConfigProblem;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;

/** Turns {@code train} options into a validated {@link RunConfig}: the model's defaults plus what was given. */
final class TrainArguments {

    /** Moderate augmentation for a bare {@code --augment}: ±10°, ±2 px, ±10 % zoom. */
    static final Augmentation DEFAULT_AUGMENTATION = new Augmentation(10, 2, 0.1);

    static final Set<String> WITH_VALUE = Set.of("model", "dataset", "epochs", "batch", "lr", "optimizer",
            "momentum", "seed", "subset", "hidden", "l1", "l2", "conv-dropout", "dense-dropout", "batch-norm",
            "validation", "patience", "name", "schedule", "data-dir", "datasets-dir");
    static final Set<String> OPTIONAL_VALUE = Set.of("augment", "no-restore");

    static final String USAGE = """
            Usage: java -jar mnist-lab.jar train [options]
              --model logistic|mlp|cnn|regcnn|lenet5   (default cnn)
              --dataset mnist|fashion-mnist             (default mnist)
              --epochs N  --batch N  --lr X  --seed N
              --optimizer adam|sgd|nesterov|rmsprop|adadelta  --momentum X
              --subset N          train on N images, stratified by class (0 = all)
              --hidden 256,128    MLP hidden layer sizes
              --l1 X  --l2 X  --conv-dropout X  --dense-dropout X  --batch-norm on|off
              --augment [ROT,SHIFT,ZOOM]   random rotation (deg), shift (px), zoom; bare = 10,2,0.1
              --validation X      share of the training split held out (default 0.1)
              --patience N        early stopping after N epochs without a better validation loss
              --no-restore        with early stopping, keep the last weights instead of the best
              --schedule none | step:FACTOR:EPOCHS | plateau:FACTOR:PATIENCE   (default: the model's)
              --name TEXT  --data-dir DIR  --datasets-dir DIR
            """;

    private TrainArguments() {
    }

    static RunConfig toConfig(Arguments a) {
        Architecture architecture = parse(() -> Architecture.fromId(a.string("model", "cnn")));
        DatasetKind dataset = parse(() -> DatasetKind.fromId(a.string("dataset", "mnist")));
        RunConfig d = RunConfig.defaults(architecture, dataset);
        List<Integer> hidden = d.hiddenLayers();
        if (a.has("hidden")) {
            hidden = a.decimals("hidden").stream().map(v -> {
                if (v != Math.rint(v)) {
                    throw new UsageException("--hidden expects whole numbers, e.g. 256,128");
                }
                return v.intValue();
            }).toList();
        }
        OptimizerKind optimizer = d.optimizer();
        if (a.has("optimizer")) {
            optimizer = parse(() -> OptimizerKind.valueOf(a.string("optimizer", "").toUpperCase(Locale.ROOT)),
                    "Unknown optimizer '" + a.string("optimizer", "") + "': use adam, sgd, nesterov, rmsprop or adadelta");
        }
        Augmentation augmentation = d.augmentation();
        if (a.has("augment")) {
            String value = a.string("augment", "");
            if (value.isEmpty()) {
                augmentation = DEFAULT_AUGMENTATION;
            } else {
                List<Double> parts = a.decimals("augment");
                if (parts.size() != 3) {
                    throw new UsageException("--augment expects ROTATION,SHIFT,ZOOM, e.g. 10,2,0.1");
                }
                augmentation = new Augmentation(parts.get(0), parts.get(1), parts.get(2));
            }
        }
        RunConfig config = new RunConfig(a.string("name", ""), dataset, architecture, hidden, optimizer,
                a.decimal("lr", d.learningRate()), a.decimal("momentum", d.momentum()),
                a.integer("batch", d.batchSize()), a.integer("epochs", d.epochs()), a.longValue("seed", d.seed()),
                a.decimal("l1", d.l1()), a.decimal("l2", d.l2()),
                a.decimal("conv-dropout", d.convDropout()), a.decimal("dense-dropout", d.denseDropout()),
                a.onOff("batch-norm", d.batchNorm()), augmentation,
                a.decimal("validation", d.validationFraction()), a.integer("patience", d.earlyStoppingPatience()),
                !a.has("no-restore"), schedule(a, d.lrSchedule()), a.integer("subset", d.trainSubset()));
        List<ConfigProblem> problems = config.validate();
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("Invalid settings:");
            for (ConfigProblem p : problems) {
                message.append("\n  ").append(optionFor(p.field())).append(": ").append(p.message());
            }
            throw new UsageException(message.toString());
        }
        return config;
    }

    static LrSchedule schedule(Arguments a, LrSchedule fallback) {
        if (!a.has("schedule")) {
            return fallback;
        }
        String[] parts = a.string("schedule", "").toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (parts[0]) {
                case "none" -> LrSchedule.NONE;
                case "step" -> LrSchedule.step(Double.parseDouble(parts[1]), Integer.parseInt(parts[2]));
                case "plateau" -> new LrSchedule(LrSchedule.Type.PLATEAU, Double.parseDouble(parts[1]), 5,
                        Integer.parseInt(parts[2]));
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new UsageException("--schedule must be none, step:FACTOR:EPOCHS or plateau:FACTOR:PATIENCE, "
                    + "e.g. step:0.5:3");
        }
    }

    /** The CLI option a RunConfig field comes from, so messages name what the user typed. */
    static String optionFor(String field) {
        return switch (field) {
            case "architecture" -> "--model";
            case "hiddenLayers" -> "--hidden";
            case "learningRate" -> "--lr";
            case "batchSize" -> "--batch";
            case "convDropout" -> "--conv-dropout";
            case "denseDropout" -> "--dense-dropout";
            case "validationFraction" -> "--validation";
            case "earlyStoppingPatience" -> "--patience";
            case "trainSubset" -> "--subset";
            case "lrSchedule.factor", "lrSchedule.stepEpochs", "lrSchedule.patience", "lrSchedule.type" -> "--schedule";
            default -> field.startsWith("augmentation.") ? "--augment" : "--" + field;
        };
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String message) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(message);
        }
    }
}
