package org.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.Application;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.RunConfig;

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
    void only_command_names_select_the_cli() {
        assertThat(CommandLine.isCommand(new String[] {"train"})).isTrue();
        assertThat(CommandLine.isCommand(new String[] {"bench", "--epochs", "1"})).isTrue();
        assertThat(CommandLine.isCommand(new String[] {})).isFalse();
        assertThat(CommandLine.isCommand(new String[] {"--server.port=9000"})).isFalse();
    }

    @Test
    void rejects_an_unknown_model_with_exit_code_2() {
        assertThat(run("train", "--model", "resnet")).isEqualTo(2);
        assertThat(err()).contains("Error: Unknown model 'resnet': use logistic, mlp, cnn, regcnn or lenet5")
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
        assertThat(err()).contains("--batch must be a whole number, not 'lots'");
        err.reset();
        assertThat(run("train", "--speed", "fast")).isEqualTo(2);
        assertThat(err()).contains("Unknown option --speed");
        err.reset();
        assertThat(run("train", "--epochs")).isEqualTo(2);
        assertThat(err()).contains("Option --epochs needs a value");
        err.reset();
        assertThat(run("bench", "--models", "cnn,vgg")).isEqualTo(2);
        assertThat(err()).contains("Unknown model 'vgg'").contains("Usage: java -jar mnist-lab.jar bench");
        err.reset();
        assertThat(run("train", "--schedule", "cosine")).isEqualTo(2);
        assertThat(err()).contains("--schedule must be none, step:FACTOR:EPOCHS or plateau:FACTOR:PATIENCE");
    }

    @Test
    void options_override_the_model_defaults() {
        Arguments a = Arguments.parse(new String[] {"train", "--model", "mlp", "--hidden", "256,64", "--epochs=3",
                "--optimizer", "nesterov", "--augment", "--subset", "500", "--schedule", "step:0.5:2"},
                TrainArguments.WITH_VALUE, TrainArguments.OPTIONAL_VALUE);
        var config = TrainArguments.toConfig(a);
        assertThat(config.hiddenLayers()).containsExactly(256, 64);
        assertThat(config.epochs()).isEqualTo(3);
        assertThat(config.optimizer()).isEqualTo(org.mnistlab.training.OptimizerKind.NESTEROV);
        assertThat(config.augmentation()).isEqualTo(TrainArguments.DEFAULT_AUGMENTATION);
        assertThat(config.trainSubset()).isEqualTo(500);
        assertThat(config.lrSchedule().stepEpochs()).isEqualTo(2);
        assertThat(config.batchSize()).isEqualTo(128);
    }

    @Test
    void bench_trains_each_model_with_its_own_default_epochs_and_schedule_unless_told_otherwise() {
        var defaults = BenchCommand.Options.from(Arguments.parse(new String[] {"bench", "--models", "mlp,regcnn"},
                BenchCommand.WITH_VALUE, BenchCommand.OPTIONAL_VALUE));
        var regularized = defaults.config(Architecture.REGULARIZED_CNN);
        assertThat(regularized.epochs()).isEqualTo(15);
        assertThat(regularized.lrSchedule()).isEqualTo(RunConfig.STEP_HALVING_EVERY_3);
        assertThat(defaults.config(Architecture.MLP).lrSchedule().type())
                .isEqualTo(LrSchedule.Type.NONE);

        var told = BenchCommand.Options.from(Arguments.parse(new String[] {"bench", "--models", "regcnn",
                "--epochs", "2", "--schedule", "none"}, BenchCommand.WITH_VALUE, BenchCommand.OPTIONAL_VALUE));
        assertThat(told.config(Architecture.REGULARIZED_CNN).epochs()).isEqualTo(2);
        assertThat(told.config(Architecture.REGULARIZED_CNN).lrSchedule().type())
                .isEqualTo(LrSchedule.Type.NONE);
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
}
