package org.mnistlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.api.EpochJson;
import org.mnistlab.api.RunDetailsJson;
import org.mnistlab.api.RunJson;
import org.mnistlab.api.ServerJson;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.base.NativeBackend;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.BackendInfo;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.ModelCatalog;
import org.mnistlab.training.NetworkOutput;
import org.mnistlab.training.Recipe;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;
import org.mnistlab.training.TimeToAccuracy;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingWarmUp;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code bench}: trains each chosen catalog model with its default settings (54,000 / 6,000 split; epochs,
 * batch, schedule and augmentation can be overridden) and
 * prints training images/s, epoch time, test accuracy, wall time, peak RSS and single-image inference latency,
 * with the load average so noisy figures on a shared machine can be judged, and writes them as CSV and JSON
 * ({@link BenchReport}). Benchmark runs are not stored, except on the server with {@code --server}.
 */
@Command(name = "bench", sortOptions = false, abbreviateSynopsis = true,
        description = "Images/s, epoch time, test accuracy and peak RSS of each model; the runs are not stored.",
        footer = {"Settings not given are each model's defaults: 10 epochs (15 for the regularized CNN, with the",
                "learning rate halved every 3), batch 64 for CNNs and 128 otherwise, all 54,000 training images.",
                "With --server the models train on that server one after the other, as runs of the token's user",
                "stored there; peak RSS and one-image latency are then not measured."})
final class BenchCommand implements Callable<Integer> {

    /** The settings a benchmark may change; the rest are each model's defaults. */
    static final SettingOptions SETTINGS = new SettingOptions(List.of(RunSetting.DATASET, RunSetting.EPOCHS,
            RunSetting.BATCH_SIZE, RunSetting.TRAIN_SUBSET, RunSetting.SEED, RunSetting.AUGMENTATION_ROTATION,
            RunSetting.LR_SCHEDULE_TYPE, RunSetting.LABEL_SMOOTHING));

    /** What the command line chose: the models, and the settings that replace each model's defaults. */
    record Options(List<Architecture> models, DatasetKind dataset, ParseResult given, Recipe recipe) {

        static Options from(ParseResult parsed, List<Architecture> models) {
            return from(parsed, models, null);
        }

        /** With a recipe, its model alone, starting from the recipe's settings instead of the defaults. */
        static Options from(ParseResult parsed, List<Architecture> models, Recipe recipe) {
            Options options = new Options(recipe != null ? List.of(recipe.architecture()) : List.copyOf(models),
                    SettingOptions.given(parsed, RunSetting.DATASET, DatasetKind.MNIST), parsed, recipe);
            for (Architecture m : options.models) {
                SettingOptions.checked(options.config(m), parsed.commandSpec());
            }
            return options;
        }

        RunConfig config(Architecture architecture) {
            RunConfig base = recipe != null ? recipe.config(dataset) : RunConfig.defaults(architecture, dataset);
            return SETTINGS.applyTo(given, base.toBuilder()
                    .name("bench " + (recipe != null ? "recipe " + recipe.id() : architecture.id()))).build();
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    ServerOptions serverOptions;

    /** How often {@code --server} asks how a run is doing. */
    Duration serverPoll = Duration.ofSeconds(1);

    @Option(names = "--models", split = ",", paramLabel = "MODEL", order = -1, converter = ModelConverter.class,
            description = "Models to train, e.g. mlp,cnn: logistic, mlp, cnn, regcnn, lenet5, compact (default: all)")
    List<Architecture> models = Arrays.asList(Architecture.values());

    @Option(names = "--recipe", paramLabel = "RECIPE", order = -1, converter = RecipeConverter.class,
            description = "Train a recipe instead of the models: fast (>= 99.3 %% in 2 min) or accurate"
                    + " (>= 99.5 %% in 6 min)")
    Recipe recipe;

    @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true", order = 90,
            description = "Train a throwaway MLP and CNN for about 12 s before timing, so the first epoch is timed"
                    + " with the JVM's training code compiled, as on a server that has warmed up (default: on;"
                    + " --no-warm-up times a cold JVM)")
    boolean warmUp = true;

    @Option(names = "--out", paramLabel = "DIR", order = 100,
            description = "Folder for the results as bench-<UTC time>.csv and .json (default: <data dir>/bench)")
    Path outDir;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 200, description = "Show this help and exit.")
    boolean help;

    private final Class<?> applicationClass;
    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(Class<?> applicationClass, PrintStream out, PrintStream err) {
        this.applicationClass = applicationClass;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Options options = Options.from(spec.commandLine().getParseResult(), models, recipe);
        if (serverOptions.remote()) {
            ServerClient server = new ServerClient(serverOptions.server, serverOptions.token(System.getenv()));
            return runOnServer(server, options);
        }
        return CommandLine.withContext(applicationClass, storeOptions, CommandLine.WITHOUT_RUN_STORE, err, context -> run(context, options));
    }

    static final class ModelConverter implements ITypeConverter<Architecture> {
        @Override
        public Architecture convert(String id) {
            try {
                return Architecture.fromId(id.strip());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class RecipeConverter implements ITypeConverter<Recipe> {
        @Override
        public Recipe convert(String id) {
            try {
                return Recipe.fromId(id);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private int run(ConfigurableApplicationContext context, Options options) {
        Trainer trainer = context.getBean(Trainer.class);
        ModelCatalog catalog = context.getBean(ModelCatalog.class);
        DatasetService datasets = context.getBean(DatasetService.class);
        BackendInfo backend = context.getBean(BackendInfo.class);
        out.printf("Backend %s, oneDNN %s, %s OpenMP threads, %d CPUs, max heap %d MiB, Java %s%n",
                backend.versions().get("backend"), backend.versions().get("onednn"),
                backend.versions().get("ompThreads"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, backend.versions().get("java"));
        LabeledImages train = datasets.samples(options.dataset(), Split.TRAIN);
        LabeledImages test = datasets.samples(options.dataset(), Split.TEST);
        Double warmUpSeconds = null;
        if (warmUp) {
            TrainingWarmUp.Outcome warm = new TrainingWarmUp(trainer).run(() -> false);
            warmUpSeconds = warm.took().toMillis() / 1e3;
            out.printf("Warm-up: %s, so that the JVM has compiled the training code, as a server does while its"
                    + " training form is open (--no-warm-up: a cold JVM)%n", warm.describe());
        }
        Instant started = Instant.now();
        List<BenchReport.Row> rows = new ArrayList<>();
        List<String> timeRows = new ArrayList<>();
        for (Architecture architecture : options.models()) {
            RunConfig config = options.config(architecture);
            resetPeakRss();
            String loadBefore = loadAverage();
            long start = System.nanoTime();
            out.printf("%n%s (%,d parameters), %s, load %s%n", architecture.displayName(),
                    catalog.summarize(config).totalParameters(), settings(config), loadBefore);
            int[] trainImages = new int[1];
            Trainer.Result result = trainer.train(0, config, train, test, new Trainer.Listener() {
                @Override
                public void started(int batchesPerEpoch, int trainImageCount, int validationImages) {
                    trainImages[0] = trainImageCount;
                }

                @Override
                public void epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) {
                    out.println("  " + TrainCommand.epochLine(metrics, config.epochs()));
                }
            });
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            long peakRss = peakRssMiB();
            double[] latency = singleImageLatencyMicros(result.network(), test);
            BenchReport.Row row = row(architecture, config, trainImages[0], result.epochs(),
                    result.evaluation().accuracy(), wallSeconds, peakRss, latency, loadBefore, loadAverage());
            out.println(row.tableLine());
            rows.add(row);
            timeRows.add(timeToAccuracyRow(architecture, config, result.epochs(), result.evaluation().accuracy()));
            result.network().close();
        }
        BenchReport report = new BenchReport(started, NativeBackend.description(), NativeBackend.avx512Build(),
                warmUpSeconds, List.copyOf(rows));
        return report(report, options.dataset(), timeRows,
                outDir != null ? outDir : context.getBean(MnistLabProperties.class).dataDir().resolve("bench"));
    }

    /**
     * {@code bench --server}: each model trains on the server as an ordinary run of the token's user, one after
     * the other, so the figures are the server's and its run store stays the server's alone. Peak RSS and
     * single-image latency are this process's measurements, so they are left out ("—").
     */
    private int runOnServer(ServerClient server, Options options) {
        ServerJson info = server.serverInfo();
        out.printf("Server %s: backend %s, oneDNN %s, %s OpenMP threads, %d CPUs, max heap %d MiB, Java %s%n",
                server.base(), info.backend(), info.versions().get("onednn"), info.versions().get("ompThreads"),
                info.cpus(), info.maxHeapMiB(), info.versions().get("java"));
        RemoteTraining remote = new RemoteTraining(server, out, err, serverPoll);
        Instant started = Instant.now();
        List<BenchReport.Row> rows = new ArrayList<>();
        List<String> timeRows = new ArrayList<>();
        for (Architecture architecture : options.models()) {
            RunConfig config = options.config(architecture);
            out.printf("%n%s, %s%n", architecture.displayName(), settings(config));
            RunDetailsJson details = remote.trainToEnd(config);
            RunJson run = details.run();
            if (!"FINISHED".equals(run.status()) || details.epochs().isEmpty()) {
                remote.finish(details);
                return CommandLine.FAILED;
            }
            List<EpochMetrics> epochs = details.epochs().stream().map(EpochJson::metrics).toList();
            double wallSeconds = Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1e3;
            BenchReport.Row row = row(architecture, config, run.trainImages(), epochs, run.testAccuracy(),
                    wallSeconds, -1, new double[] {Double.NaN, Double.NaN}, "server", "server");
            out.println("  run #" + run.id() + " " + row.tableLine());
            rows.add(row);
            timeRows.add(timeToAccuracyRow(architecture, config, epochs, run.testAccuracy()));
        }
        BenchReport report = new BenchReport(started, info.backend() + " on " + server.base(), info.avx512(),
                null, List.copyOf(rows));
        return report(report, options.dataset(), timeRows,
                outDir != null ? outDir : Path.of(storeOptions.dataDir != null ? storeOptions.dataDir
                        : MnistLabProperties.DEFAULT_DATA_DIR).resolve("bench"));
    }

    /** The settings a model's heading names: batch, epochs, and augmentation and schedule when used. */
    private static String settings(RunConfig config) {
        return "batch " + config.batchSize() + ", " + config.epochs() + " epoch(s)"
                + (config.augmentation().enabled() ? ", augmented " + config.augmentation() : "")
                + (config.lrSchedule().type() != LrSchedule.Type.NONE ? ", " + config.lrSchedule() : "");
    }

    /** Prints the table and the times to accuracy, and writes the CSV and JSON files. */
    private int report(BenchReport report, DatasetKind dataset, List<String> timeRows, Path dir) {
        out.println();
        out.println(report.table());
        printTimesToAccuracy(dataset, timeRows);
        try {
            out.println("Written: " + String.join(", ", report.writeTo(dir).stream().map(Path::toString).toList()));
        } catch (IOException e) {
            err.println("Could not write the results to " + dir + ": " + e.getMessage());
            return CommandLine.FAILED;
        }
        return CommandLine.OK;
    }

    /** Time to each validation-accuracy target: summed epoch seconds (fit + per-epoch measuring) and epoch. */
    private void printTimesToAccuracy(DatasetKind dataset, List<String> timeRows) {
        StringBuilder header = new StringBuilder("| model            | test acc |");
        for (double target : TimeToAccuracy.targets(dataset)) {
            header.append(String.format(Locale.ROOT, " to %.1f %% val. |", 100 * target));
        }
        out.println();
        out.println(header);
        out.println("|---|---|" + "---|".repeat(TimeToAccuracy.TARGETS));
        timeRows.forEach(out::println);
    }

    private static String timeToAccuracyRow(Architecture architecture, RunConfig config, List<EpochMetrics> epochs,
                                            double testAccuracy) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %-16s | %7.2f%% |",
                architecture.displayName(), 100 * testAccuracy));
        for (TimeToAccuracy.Reached r : TimeToAccuracy.of(config.dataset(), epochs).reached()) {
            row.append(r.isReached() ? String.format(Locale.ROOT, " %6.1f s (ep %d) |", r.seconds(), r.epoch())
                    : "            — |");
        }
        return row.toString();
    }

    private static BenchReport.Row row(Architecture architecture, RunConfig config, int trainImages,
                                       List<EpochMetrics> epochs, double testAccuracy, double wallSeconds,
                                       long peakRss, double[] latency, String loadBefore, String loadAfter) {
        double[] ips = epochs.stream().mapToDouble(EpochMetrics::imagesPerSecond).sorted().toArray();
        double[] later = epochs.stream().skip(1).mapToDouble(EpochMetrics::imagesPerSecond).sorted().toArray();
        double meanEpochSeconds = epochs.stream().mapToLong(EpochMetrics::durationMillis).average().orElse(0) / 1000;
        return new BenchReport.Row(architecture.id(), architecture.displayName(), epochs.size(), config.batchSize(),
                trainImages, ips[ips.length / 2], epochs.get(0).imagesPerSecond(),
                later.length == 0 ? null : later[later.length / 2], meanEpochSeconds,
                testAccuracy, wallSeconds, peakRss, latency[0], latency[1], loadBefore, loadAfter);
    }

    /** Warm-up passes before timing one-image predictions, as the PyTorch peer does. */
    static final int LATENCY_WARMUP = 200;
    static final int LATENCY_SAMPLES = 1000;

    /**
     * Median and 90th percentile in µs of one test image through the network the way the drawing pad's
     * predictor sends it: a fresh [1, 784] array in, probabilities out as Java floats, through
     * {@link NetworkOutput}.
     */
    static double[] singleImageLatencyMicros(MultiLayerNetwork network, LabeledImages images) {
        float[] pixels = new float[DatasetKind.PIXELS];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (images.pixels()[p] & 0xff) / 255f;
        }
        long[] nanos = new long[LATENCY_SAMPLES];
        for (int i = -LATENCY_WARMUP; i < LATENCY_SAMPLES; i++) {
            long start = System.nanoTime();
            NetworkOutput.probabilities(network, Nd4j.create(new float[][] {pixels}));
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return new double[] {nanos[LATENCY_SAMPLES / 2] / 1e3, nanos[LATENCY_SAMPLES * 9 / 10] / 1e3};
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
