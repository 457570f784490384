package org.mnistlab.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.BackendInfo;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.InvalidConfigException;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunSetting;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code train}: submits one run through the same service as the UI and prints one line per epoch. */
@Command(name = "train", sortOptions = false, abbreviateSynopsis = true,
        description = "Train one model headless; the run is stored for the web app.",
        footer = "Settings not given are the model's defaults (as in the web app's presets).")
final class TrainCommand implements Callable<Integer> {

    /** Every run setting is an option. */
    static final SettingOptions SETTINGS = new SettingOptions(Arrays.asList(RunSetting.values()));

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    ExecutorOptions executorOptions;

    @Mixin
    ServerOptions serverOptions;

    /** How often {@code --server} asks how the run is doing. */
    Duration serverPoll = Duration.ofSeconds(1);

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 200, description = "Show this help and exit.")
    boolean help;

    private final Class<?> applicationClass;
    private final PrintStream out;
    private final PrintStream err;

    TrainCommand(Class<?> applicationClass, PrintStream out, PrintStream err) {
        this.applicationClass = applicationClass;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        RunConfig config = config(spec.commandLine().getParseResult());
        if (serverOptions.remote()) {
            ServerClient server = new ServerClient(serverOptions.server, serverOptions.token(System.getenv()));
            return new RemoteTraining(server, out, err, serverPoll).run(config);
        }
        return CommandLine.withContext(applicationClass, storeOptions, executorOptions.springArguments(), err, context -> run(context, config));
    }

    /** The model's defaults (a simple CNN on MNIST unless told otherwise) with the options given. */
    static RunConfig config(ParseResult parsed) {
        Architecture model = SettingOptions.given(parsed, RunSetting.ARCHITECTURE, Architecture.SIMPLE_CNN);
        DatasetKind dataset = SettingOptions.given(parsed, RunSetting.DATASET, DatasetKind.MNIST);
        RunConfig config = SETTINGS.applyTo(parsed, RunConfig.defaults(model, dataset).toBuilder()).build();
        return SettingOptions.checked(config, parsed.commandSpec());
    }

    private int run(ConfigurableApplicationContext context, RunConfig config) {
        RunQueue queue = context.getBean(RunQueue.class);
        RunStore store = context.getBean(RunStore.class);
        BackendInfo backend = context.getBean(BackendInfo.class);
        out.println("Backend: " + backend.versions().get("backend") + ", oneDNN " + backend.versions().get("onednn")
                + ", DL4J " + backend.versions().get("dl4j") + ", Java " + backend.versions().get("java"));
        AtomicReference<RunEvent> end = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<Long> runId = new AtomicReference<>();
        Runnable unsubscribe = queue.subscribe(event -> {
            Long id = runId.get();
            if (id != null && event.runId() != id) {
                return;
            }
            if (event instanceof RunEvent.Started s) {
                out.printf("Training %s: %d epochs × %d batches%n", config.displayName(), s.totalEpochs(),
                        s.batchesPerEpoch());
            } else if (event instanceof RunEvent.EpochFinished e) {
                out.println(epochLine(e.metrics(), config.epochs()));
            } else if (event instanceof RunEvent.Finished || event instanceof RunEvent.Failed
                    || event instanceof RunEvent.Cancelled) {
                end.set(event);
                ended.countDown();
            }
        });
        Thread cancelOnCtrlC = new Thread(() -> {
            Long id = runId.get();
            if (id != null && ended.getCount() > 0) {
                err.println("Stopping: cancelling run #" + id + " (finished epochs stay stored)");
                queue.cancel(id);
                try {
                    ended.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "cli-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnCtrlC);
        try {
            // Only this run trains in this process, so events before its id is known are its own.
            RunRecord run = queue.submit(config);
            runId.set(run.id());
            out.printf("Run #%d queued (%,d parameters)%n", run.id(), run.parameterCount());
            ended.await();
            if (end.get() instanceof RunEvent.Failed f) {
                err.println("Run #" + run.id() + " failed: " + f.message());
                return CommandLine.FAILED;
            }
            RunRecord done = store.findById(run.id()).orElseThrow();
            if (end.get() instanceof RunEvent.Finished) {
                out.printf("Finished run #%d: test accuracy %.2f%% (loss %.4f) in %s; best epoch %s; model %s%n",
                        done.id(), 100 * done.testAccuracy(), done.testLoss(), format(done.duration()),
                        done.bestEpoch(), store.modelFile(done.id()).map(Object::toString).orElse("-"));
                return CommandLine.OK;
            }
            err.println("Run #" + done.id() + " was cancelled after " + done.epochsDone() + " epoch(s)");
            return CommandLine.FAILED;
        } catch (InvalidConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandLine.FAILED;
        } finally {
            unsubscribe.run();
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting through the hook
            }
        }
    }

    static String epochLine(EpochMetrics m, int epochs) {
        String validation = Double.isNaN(m.validationLoss()) ? ""
                : String.format("  val loss %.4f acc %6.2f%%", m.validationLoss(), 100 * m.validationAccuracy());
        return String.format("epoch %d/%d  train loss %.4f acc %6.2f%%%s  lr %.3g  %.1f s  %,.0f img/s",
                m.epoch(), epochs, m.trainLoss(), 100 * m.trainAccuracy(), validation, m.learningRate(),
                m.durationMillis() / 1000.0, m.imagesPerSecond());
    }

    static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = d.toSeconds();
        return s >= 60 ? String.format("%d min %02d s", s / 60, s % 60) : String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
