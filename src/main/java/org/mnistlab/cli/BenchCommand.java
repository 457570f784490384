package org.mnistlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.Augmentation;
import org.mnistlab.training.BackendInfo;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.ModelCatalog;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.Trainer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bench}: trains each chosen catalog model with its default settings (54,000 / 6,000 split; epochs,
 * batch, schedule and augmentation can be overridden) and
 * prints training images/s, epoch time, test accuracy, wall time and peak RSS, with the load average so
 * noisy figures on a shared machine can be judged. Benchmark runs are not stored.
 */
final class BenchCommand {

    static final Set<String> WITH_VALUE = Set.of("models", "epochs", "batch", "subset", "dataset", "seed",
            "schedule", "data-dir", "datasets-dir");
    static final Set<String> OPTIONAL_VALUE = Set.of("augment");
    static final String USAGE = """
            Usage: java -jar mnist-lab.jar bench [options]
              --models logistic,mlp,cnn,regcnn,lenet5   (default: all)
              --epochs N      per model (default: each model's default: 15 for the regularized CNN, else 10)
              --batch N       (default: each model's default, 64 for CNNs, 128 otherwise)
              --subset N      train on N images (default 0 = all 54,000)
              --dataset mnist|fashion-mnist  --seed N
              --augment [ROT,SHIFT,ZOOM]   train with augmentation (bare = 10,2,0.1)
              --schedule none | step:FACTOR:EPOCHS | plateau:FACTOR:PATIENCE
                              learning-rate schedule (default: each model's default)
            """;

    /** What the command line chose; a null epochs, batch or schedule means each model's default. */
    record Options(List<Architecture> models, DatasetKind dataset, Integer epochs, Integer batch, int subset,
                   long seed, Augmentation augmentation, LrSchedule schedule) {

        static Options from(Arguments a) {
            List<Architecture> models = new ArrayList<>();
            if (a.has("models")) {
                for (String id : a.string("models", "").split(",")) {
                    try {
                        models.add(Architecture.fromId(id.strip()));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
            } else {
                models.addAll(Arrays.asList(Architecture.values()));
            }
            DatasetKind dataset;
            try {
                dataset = DatasetKind.fromId(a.string("dataset", "mnist"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            Augmentation augmentation = Augmentation.NONE;
            if (a.has("augment")) {
                String value = a.string("augment", "");
                if (value.isEmpty()) {
                    augmentation = TrainArguments.DEFAULT_AUGMENTATION;
                } else {
                    List<Double> p = a.decimals("augment");
                    if (p.size() != 3) {
                        throw new UsageException("--augment expects ROTATION,SHIFT,ZOOM, e.g. 10,2,0.1");
                    }
                    augmentation = new Augmentation(p.get(0), p.get(1), p.get(2));
                }
            }
            Options options = new Options(List.copyOf(models), dataset, a.has("epochs") ? a.integer("epochs", 0) : null,
                    a.has("batch") ? a.integer("batch", 0) : null, a.integer("subset", 0), a.longValue("seed", 42),
                    augmentation, TrainArguments.schedule(a, null));
            for (Architecture m : options.models) {
                var problems = options.config(m).validate();
                if (!problems.isEmpty()) {
                    throw new UsageException(problems.stream()
                            .map(p -> TrainArguments.optionFor(p.field()) + ": " + p.message())
                            .reduce((x, y) -> x + "\n  " + y).orElseThrow());
                }
            }
            return options;
        }

        RunConfig config(Architecture architecture) {
            RunConfig d = RunConfig.defaults(architecture, dataset);
            return new RunConfig("bench " + architecture.id(), dataset, architecture, d.hiddenLayers(), d.optimizer(),
                    d.learningRate(), d.momentum(), batch != null ? batch : d.batchSize(),
                    epochs != null ? epochs : d.epochs(), seed, d.l1(),
                    d.l2(), d.convDropout(), d.denseDropout(), d.batchNorm(), augmentation,
                    d.validationFraction(), 0, true, schedule != null ? schedule : d.lrSchedule(), subset);
        }
    }

    private final Trainer trainer;
    private final ModelCatalog catalog;
    private final DatasetService datasets;
    private final BackendInfo backend;
    private final PrintStream out;

    BenchCommand(ConfigurableApplicationContext context, PrintStream out) {
        this.trainer = context.getBean(Trainer.class);
        this.catalog = context.getBean(ModelCatalog.class);
        this.datasets = context.getBean(DatasetService.class);
        this.backend = context.getBean(BackendInfo.class);
        this.out = out;
    }

    int run(Options options) {
        out.printf("Backend %s, oneDNN %s, %s OpenMP threads, %d CPUs, max heap %d MiB, Java %s%n",
                backend.versions().get("backend"), backend.versions().get("onednn"),
                backend.versions().get("ompThreads"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, backend.versions().get("java"));
        LabeledImages train = datasets.samples(options.dataset(), Split.TRAIN);
        LabeledImages test = datasets.samples(options.dataset(), Split.TEST);
        List<String> rows = new ArrayList<>();
        for (Architecture architecture : options.models()) {
            RunConfig config = options.config(architecture);
            resetPeakRss();
            String loadBefore = loadAverage();
            long start = System.nanoTime();
            out.printf("%n%s (%,d parameters), batch %d, %d epoch(s)%s%s, load %s%n", architecture.displayName(),
                    catalog.summarize(config).totalParameters(), config.batchSize(), config.epochs(),
                    config.augmentation().enabled() ? ", augmented " + config.augmentation() : "",
                    config.lrSchedule().type() != LrSchedule.Type.NONE ? ", " + config.lrSchedule() : "", loadBefore);
            Trainer.Result result = trainer.train(0, config, train, test, new Trainer.Listener() {
                @Override
                public void epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) {
                    out.println("  " + TrainCommand.epochLine(metrics, config.epochs()));
                }
            });
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            double[] ips = result.epochs().stream().mapToDouble(EpochMetrics::imagesPerSecond).sorted().toArray();
            double medianIps = ips[ips.length / 2];
            double meanEpochSeconds = result.epochs().stream().mapToLong(EpochMetrics::durationMillis).average()
                    .orElse(0) / 1000;
            String row = String.format(Locale.ROOT, "| %-16s | %3d | %5d | %,8.0f | %7.1f | %7.2f%% | %7.1f | %,6d | %s → %s |",
                    architecture.displayName(), config.epochs(), config.batchSize(), medianIps, meanEpochSeconds,
                    100 * result.evaluation().accuracy(), wallSeconds, peakRssMiB(), loadBefore, loadAverage());
            out.println(row);
            rows.add(row);
            result.network().close();
        }
        out.println();
        out.println("| model            | ep. | batch | images/s | epoch s | test acc | wall s  | RSS MiB | load 1/5/15 min |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(out::println);
        return CommandLine.OK;
    }

    /** Resets VmHWM so each model's peak RSS is its own (Linux; ignored elsewhere). */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux or not permitted: the peak then covers the whole process
        }
    }

    static long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
