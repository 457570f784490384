package org.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.Application;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.DiskFullFileSystem;
import org.mnistlab.training.Augmentation;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.Recipe;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;
import picocli.CommandLine.ParseResult;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CommandLine.run(Application.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_background_thread_that_dies_during_a_command_prints_no_stack_trace() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        int code;
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            code = CommandLine.withBackgroundFailuresLogged(() -> {
                Thread cleaner = new Thread(() -> {
                    throw new IllegalStateException("This store is closed");
                }, "H2-lob-cleaner");
                cleaner.start();
                try {
                    cleaner.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CommandLine.FAILED;
            });
        } finally {
            System.setErr(stderr);
        }
        assertThat(code).isEqualTo(CommandLine.FAILED);
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(before);
    }

    @Test
    void only_command_names_select_the_cli() {
        assertThat(CommandLine.isCommand(new String[] {"train"})).isTrue();
        assertThat(CommandLine.isCommand(new String[] {"bench", "--epochs", "1"})).isTrue();
        assertThat(CommandLine.isCommand(new String[] {})).isFalse();
        assertThat(CommandLine.isCommand(new String[] {"--server.port=9000"})).isFalse();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The chosen command's options, parsed as {@link CommandLine#run} would before running it. */
    private static ParseResult parse(String... args) {
        return CommandLine.commands(Application.class, System.out, System.err).parseArgs(args).subcommand();
    }

    @Test
    void rejects_an_unknown_model_with_exit_code_2() {
        assertThat(run("train", "--model", "resnet")).isEqualTo(2);
        assertThat(err()).startsWith("Error: Invalid value for option '--model': "
                        + "Unknown model 'resnet': use logistic, mlp, cnn, regcnn, lenet5 or compact")
                .contains("Usage: java -jar mnist-lab.jar train");
    }

    @Test
    void reports_every_invalid_setting_by_its_option_name() {
        assertThat(run("train", "--epochs", "0", "--lr", "-0.5", "--batch", "5000", "--augment", "50,2,0.1")).isEqualTo(2);
        assertThat(err()).contains("--lr: Learning rate must be greater than 0 and at most 10",
                "--batch: Batch size must be between 1 and 4096", "--epochs: Epochs must be between 1 and 100",
                "--augment: Rotation must be between 0 and 45 degrees");
    }

    @Test
    void rejects_malformed_and_unknown_options() {
        assertThat(run("train", "--batch", "lots")).isEqualTo(2);
        assertThat(err()).contains("Error: Invalid value for option '--batch': 'lots' is not a whole number");
        err.reset();
        assertThat(run("train", "--speed", "fast")).isEqualTo(2);
        assertThat(err()).contains("Error: Unknown options: '--speed', 'fast'");
        err.reset();
        assertThat(run("train", "--epochs")).isEqualTo(2);
        assertThat(err()).contains("Missing required parameter for option '--epochs'");
        err.reset();
        assertThat(run("train", "--epochs", "2", "--epochs", "3")).isEqualTo(2);
        assertThat(err()).contains("option '--epochs' (N) should be specified only once");
        err.reset();
        assertThat(run("bench", "--models", "cnn,vgg")).isEqualTo(2);
        assertThat(err()).contains("Unknown model 'vgg'").contains("Usage: java -jar mnist-lab.jar bench");
        err.reset();
        assertThat(run("train", "--schedule", "cosine")).isEqualTo(2);
        assertThat(err()).contains("'cosine' is not none, step:FACTOR:EPOCHS, plateau:FACTOR:PATIENCE,"
                + " onecycle:MAX_LR:WARMUP_EPOCHS or cosine:WARMUP_EPOCHS");
    }

    @Test
    void numbers_are_taken_exactly_as_typed_or_refused() {
        RunConfig config = TrainCommand.config(parse("train", "--lr", "1e-3", "--seed", "1099511627777",
                "--momentum=0.5"));
        assertThat(config.learningRate()).isEqualTo(0.001);
        assertThat(config.seed()).isEqualTo(1_099_511_627_777L);
        assertThat(config.momentum()).isEqualTo(0.5);

        assertThat(run("train", "--epochs", "2.5")).isEqualTo(2);
        assertThat(err()).contains("Invalid value for option '--epochs': '2.5' is not a whole number");
        err.reset();
        assertThat(run("train", "--seed", "9223372036854775808")).isEqualTo(2);
        assertThat(err()).contains("Invalid value for option '--seed': '9223372036854775808' is out of range");
        err.reset();
        assertThat(run("train", "--seed", "0x10")).isEqualTo(2);
        assertThat(err()).contains("'0x10' is not a whole number");
        err.reset();
        assertThat(run("train", "--lr", "NaN")).isEqualTo(2);
        assertThat(err()).contains("Invalid value for option '--lr': 'NaN' is not a number");
    }

    @Test
    void help_prints_the_usage_of_each_command_and_exits_0() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("Usage: java -jar mnist-lab.jar", "train", "bench");
        out.reset();
        assertThat(run("train", "--help")).isZero();
        assertThat(out()).contains("Usage: java -jar mnist-lab.jar train", "--lr=X", "--schedule", "--data-dir");
        out.reset();
        assertThat(run("bench", "--help")).isZero();
        assertThat(out()).contains("Usage: java -jar mnist-lab.jar bench", "--models", "--epochs", "--batch",
                "--subset", "--augment", "--schedule").doesNotContain("--lr");
        out.reset();
        assertThat(run("help", "bench")).isZero();
        assertThat(out()).contains("Usage: java -jar mnist-lab.jar bench");
        assertThat(err()).isEmpty();
    }

    @Test
    void train_has_one_option_per_setting() {
        for (RunSetting setting : RunSetting.values()) {
            assertThat(parse("train").commandSpec().findOption(setting.cliOption())).as(setting.key()).isNotNull();
        }
    }

    @Test
    void options_override_the_model_defaults() {
        RunConfig config = TrainCommand.config(parse("train", "--model", "mlp", "--hidden", "256,64", "--epochs=3",
                "--optimizer", "nesterov", "--augment", "--subset", "500", "--schedule", "step:0.5:2",
                "--no-restore", "--batch-norm", "on"));
        assertThat(config.hiddenLayers()).containsExactly(256, 64);
        assertThat(config.epochs()).isEqualTo(3);
        assertThat(config.optimizer()).isEqualTo(OptimizerKind.NESTEROV);
        assertThat(config.augmentation()).isEqualTo(SettingOptions.DEFAULT_AUGMENTATION);
        assertThat(config.trainSubset()).isEqualTo(500);
        assertThat(config.lrSchedule()).isEqualTo(LrSchedule.step(0.5, 2));
        assertThat(config.restoreBestWeights()).isFalse();
        assertThat(config.batchNorm()).isTrue();
        assertThat(config.batchSize()).isEqualTo(128);
        assertThat(TrainCommand.config(parse("train"))).isEqualTo(
                RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST));
    }

    @Test
    void bench_trains_each_model_with_its_own_default_epochs_and_schedule_unless_told_otherwise() {
        var defaults = BenchCommand.Options.from(parse("bench"), List.of(Architecture.MLP, Architecture.REGULARIZED_CNN));
        var regularized = defaults.config(Architecture.REGULARIZED_CNN);
        assertThat(regularized.epochs()).isEqualTo(15);
        assertThat(regularized.lrSchedule()).isEqualTo(RunConfig.STEP_HALVING_EVERY_3);
        assertThat(regularized.name()).isEqualTo("bench regcnn");
        assertThat(defaults.config(Architecture.MLP).lrSchedule().type())
                .isEqualTo(LrSchedule.Type.NONE);

        var told = BenchCommand.Options.from(parse("bench", "--epochs", "2", "--schedule", "none", "--augment",
                "15,3,0.15"), List.of(Architecture.REGULARIZED_CNN));
        assertThat(told.config(Architecture.REGULARIZED_CNN).epochs()).isEqualTo(2);
        assertThat(told.config(Architecture.REGULARIZED_CNN).lrSchedule().type())
                .isEqualTo(LrSchedule.Type.NONE);
        assertThat(told.config(Architecture.REGULARIZED_CNN).augmentation()).isEqualTo(new Augmentation(15, 3, 0.15));
    }

    @Test
    void bench_recipe_trains_the_recipe_with_the_settings_told() {
        picocli.CommandLine cli = CommandLine.commands(Application.class, System.out, System.err);
        cli.parseArgs("bench", "--recipe", "fast", "--epochs", "2");
        BenchCommand bench = cli.getSubcommands().get("bench").getCommand();
        assertThat(bench.recipe).isEqualTo(Recipe.FAST);
        var options = BenchCommand.Options.from(parse("bench", "--recipe", "fast", "--epochs", "2"), bench.models,
                bench.recipe);
        assertThat(options.models()).containsExactly(Architecture.COMPACT_CNN);
        assertThat(options.config(Architecture.COMPACT_CNN)).isEqualTo(Recipe.FAST.config(DatasetKind.MNIST)
                .toBuilder().name("bench recipe fast").epochs(2).build());
        assertThat(BenchCommand.Options.from(parse("bench", "--recipe", "accurate"), bench.models, Recipe.ACCURATE)
                .models()).containsExactly(Architecture.REGULARIZED_CNN);
        // the recipe without its label smoothing, as the README's comparison ran it
        assertThat(BenchCommand.Options.from(parse("bench", "--recipe", "fast", "--label-smoothing", "0"), bench.models,
                Recipe.FAST).config(Architecture.COMPACT_CNN).labelSmoothing()).isZero();
        assertThat(run("bench", "--recipe", "fast", "--label-smoothing", "0.9")).isEqualTo(2);
        assertThat(err()).contains("--label-smoothing: Label smoothing must be between 0 and 0.5");
        assertThat(run("bench", "--recipe", "slow")).isEqualTo(2);
        assertThat(err()).contains("Unknown recipe 'slow': use fast or accurate");
    }

    @Test
    void train_reads_the_one_cycle_and_cosine_schedules() {
        assertThat(TrainCommand.config(parse("train", "--schedule", "onecycle:0.01:1.5")).lrSchedule())
                .isEqualTo(LrSchedule.oneCycle(0.01, 1.5));
        assertThat(TrainCommand.config(parse("train", "--schedule", "cosine:0.5")).lrSchedule())
                .isEqualTo(LrSchedule.cosine(0.5));
    }

    @Test
    void bench_takes_the_models_given() {
        picocli.CommandLine cli = CommandLine.commands(Application.class, System.out, System.err);
        cli.parseArgs("bench", "--models", "mlp,regcnn");
        BenchCommand bench = cli.getSubcommands().get("bench").getCommand();
        assertThat(bench.models).containsExactly(Architecture.MLP, Architecture.REGULARIZED_CNN);
        assertThat(bench.warmUp).as("warm-up by default").isTrue();

        cli.parseArgs("bench", "--no-warm-up");
        assertThat(((BenchCommand) cli.getSubcommands().get("bench").getCommand()).warmUp).isFalse();
    }

    @Test
    void train_prints_one_line_per_epoch_and_stores_the_run_for_the_ui(@TempDir Path dataDir) throws Exception {
        int code = run("train", "--model", "logistic", "--epochs", "2", "--subset", "1000", "--batch", "32",
                "--validation", "0.02", "--data-dir", dataDir.toString(),
                "--datasets-dir", System.getProperty("mnistlab.datasets-dir", "../shared/datasets"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err()).isZero();
        assertThat(printed.lines().filter(l -> l.startsWith("epoch "))).hasSize(2);
        assertThat(printed).contains("epoch 1/2  train loss", "Finished run #1: test accuracy");
        assertThat(dataDir.resolve("models/run-1.zip")).isRegularFile();
        try (var db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("mnistlab").toAbsolutePath(), "sa", "");
             var rs = db.createStatement().executeQuery("SELECT status, epochs_done FROM runs WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("FINISHED");
            assertThat(rs.getInt(2)).isEqualTo(2);
        }
    }

    @Test
    void a_disk_that_fills_during_training_ends_in_one_line_and_the_cause_survives_for_the_next_start(
            @TempDir Path dataDir) throws Exception {
        DiskFullFileSystem.Disk disk = DiskFullFileSystem.register();
        String datasets = System.getProperty("mnistlab.datasets-dir", "../shared/datasets");
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        // the disk fills once training has started: the first epoch's write meets it
        OutputStream fillsTheDisk = new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(b, off, len);
                disk.full |= out().contains("Training ");
            }
        };
        System.setProperty("spring.datasource.url", "jdbc:h2:" + DiskFullFileSystem.SCHEME + ":"
                + dataDir.resolve("mnistlab").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        int code;
        try {
            System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
            code = CommandLine.run(Application.class, new String[] {"train", "--model", "logistic", "--epochs", "2",
                            "--subset", "1000", "--data-dir", dataDir.toString(), "--datasets-dir", datasets},
                    new PrintStream(fillsTheDisk, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            System.clearProperty("spring.datasource.url");
            disk.full = false;
        }

        assertThat(code).as(out() + err() + logs).isEqualTo(1);
        assertThat(err().lines()).containsExactly("Run #1 failed: The run store is unavailable: No space left on "
                + "device. Free space on the data directory's disk, then try again: the store reopens by itself once "
                + "it can write (finished epochs are kept).");
        assertThat(out() + logs).doesNotContain("\tat ", "Exception");
        assertThat(dataDir.resolve("pending-ends/run-1.end")).content().startsWith("FAILED\n")
                .contains("No space left on device");

        // the next command finds the store writable and records how run 1 really ended
        out.reset();
        err.reset();
        assertThat(run("train", "--model", "logistic", "--epochs", "1", "--subset", "1000",
                "--data-dir", dataDir.toString(), "--datasets-dir", datasets)).as(out() + err()).isZero();
        try (var db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("mnistlab").toAbsolutePath(), "sa", "");
             var rs = db.createStatement().executeQuery("SELECT status, error_message FROM runs WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("FAILED");
            assertThat(rs.getString(2)).startsWith("The run store is unavailable: No space left on device");
        }
        assertThat(dataDir.resolve("pending-ends/run-1.end")).doesNotExist();
    }

    @Test
    void bench_opens_no_run_store_so_a_server_holding_it_does_not_block_it(@TempDir Path dataDir) {
        int code = run("bench", "--models", "logistic", "--epochs", "1", "--subset", "1000",
                "--data-dir", dataDir.toString(),
                "--datasets-dir", System.getProperty("mnistlab.datasets-dir", "../shared/datasets"));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8) + err()).isZero();
        assertThat(dataDir.resolve("mnistlab.mv.db")).doesNotExist();
    }

    @Test
    void bench_writes_one_csv_and_json_row_per_model_into_the_data_dir_unless_told_where(@TempDir Path dataDir)
            throws IOException {
        int code = run("bench", "--models", "logistic,mlp", "--epochs", "2", "--subset", "1000",
                "--data-dir", dataDir.toString(),
                "--datasets-dir", System.getProperty("mnistlab.datasets-dir", "../shared/datasets"));
        assertThat(code).as(out() + err()).isZero();
        try (var files = Files.list(dataDir.resolve("bench"))) {
            List<Path> written = files.sorted().toList();
            assertThat(written).hasSize(2);
            List<String> csv = Files.readAllLines(written.get(0));
            assertThat(csv).hasSize(3);
            assertThat(csv.get(0)).isEqualTo(BenchReport.CSV_HEADER);
            assertThat(csv.get(1)).contains(",logistic,Logistic regression,2,128,");
            assertThat(csv.get(2)).contains(",mlp,");
            JsonNode rows = new ObjectMapper().readTree(written.get(1).toFile()).get("rows");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).get("model").asText()).isEqualTo("mlp");
            assertThat(rows.get(1).get("imagesPerSecond").asDouble()).isPositive();
            assertThat(rows.get(1).get("laterEpochsImagesPerSecond").asDouble()).isPositive();
            assertThat(rows.get(1).get("inferenceMedianMicros").asDouble()).isPositive();
        }
        assertThat(out()).contains("| infer µs |", "Written: " + dataDir.resolve("bench"));
    }

    @Test
    void bench_writes_its_results_where_out_says(@TempDir Path dataDir, @TempDir Path outDir) {
        int code = run("bench", "--models", "logistic", "--epochs", "1", "--subset", "1000",
                "--out", outDir.resolve("figures").toString(), "--data-dir", dataDir.toString(),
                "--datasets-dir", System.getProperty("mnistlab.datasets-dir", "../shared/datasets"));
        assertThat(code).as(out() + err()).isZero();
        assertThat(outDir.resolve("figures").toFile().list()).hasSize(2);
        assertThat(dataDir.resolve("bench")).doesNotExist();
    }
}
