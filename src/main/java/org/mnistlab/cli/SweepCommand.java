package org.mnistlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.sweeps.AshaPolicy;
import org.mnistlab.sweeps.InvalidSweepException;
import org.mnistlab.sweeps.Sweep;
import org.mnistlab.sweeps.SweepReport;
import org.mnistlab.sweeps.SweepService;
import org.mnistlab.sweeps.SweepSpec;
import org.mnistlab.sweeps.SweepStrategy;
import org.mnistlab.sweeps.SweptSetting;
import org.mnistlab.sweeps.Trial;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunEvent;
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

/** {@code sweep}: the /sweeps/new page headless; prints a line per ended trial and the best at the end. */
@Command(name = "sweep", sortOptions = false, abbreviateSynopsis = true,
        description = "Run a hyperparameter sweep headless; its trials are stored as runs for the web app.",
        footer = {"Example: sweep --model mlp --sweep lr=1e-4..1e-2:log --sweep dense-dropout=0,0.2,0.5 "
                + "--trials 12 --strategy random --asha",
                "A swept setting is named by its option (lr, dense-dropout, batch, ...) or its key "
                        + "(augmentation.zoomRange). --name names the sweep."})
final class SweepCommand implements Callable<Integer> {

    static final SettingOptions SETTINGS = new SettingOptions(Arrays.asList(RunSetting.values()));

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--sweep", required = true, order = 100, paramLabel = "SETTING=VALUES",
            description = "A swept setting: a list (dense-dropout=0,0.2,0.5) or a range (lr=1e-4..1e-2:log, "
                    + "with :N points for a grid). 1 to 4 of them.")
    List<String> swept = new ArrayList<>();

    @Option(names = "--strategy", order = 101, defaultValue = "grid", paramLabel = "grid|random",
            description = "grid (every combination) or random (--trials draws). Default: ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--trials", order = 102, defaultValue = "10", description = "Trials of a random search. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--sweep-seed", order = 103, defaultValue = "1", description = "Seed of the random search. Default: ${DEFAULT-VALUE}.")
    long sweepSeed;

    @Option(names = "--asha", order = 104, description = "Stop weak trials early (successive halving): by default "
            + "at a quarter and half of the epochs, the bottom half.")
    boolean asha;

    @Option(names = "--asha-rungs", order = 105, split = ",", paramLabel = "EPOCH[,EPOCH]",
            description = "Epochs after which trials are compared (implies --asha).")
    List<Integer> ashaRungs;

    @Option(names = "--asha-fraction", order = 106, paramLabel = "SHARE",
            description = "Share of the trials at a rung that stop, e.g. 0.5 (implies --asha).")
    Double ashaFraction;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 200, description = "Show this help and exit.")
    boolean help;

    private final Class<?> applicationClass;
    private final PrintStream out;
    private final PrintStream err;

    SweepCommand(Class<?> applicationClass, PrintStream out, PrintStream err) {
        this.applicationClass = applicationClass;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        SweepSpec sweep = sweepSpec(spec.commandLine().getParseResult());
        List<String> problems = sweep.validate().stream().map(p -> p.field() + ": " + p.message()).toList();
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join("; ", problems));
        }
        return CommandLine.withContext(applicationClass, storeOptions, List.of(), err, context -> run(context, sweep));
    }

    SweepSpec sweepSpec(ParseResult parsed) {
        Architecture model = SettingOptions.given(parsed, RunSetting.ARCHITECTURE, Architecture.SIMPLE_CNN);
        DatasetKind dataset = SettingOptions.given(parsed, RunSetting.DATASET, DatasetKind.MNIST);
        RunConfig base = SETTINGS.applyTo(parsed, RunConfig.defaults(model, dataset).toBuilder()).build();
        List<SweptSetting> settings = new ArrayList<>();
        for (String text : swept) {
            int eq = text.indexOf('=');
            if (eq < 1) {
                throw new ParameterException(spec.commandLine(), "--sweep needs SETTING=VALUES, e.g. lr=1e-4..1e-2:log");
            }
            RunSetting setting = setting(text.substring(0, eq).strip());
            try {
                settings.add(SweptSetting.parse(setting, text.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--sweep " + text + ": " + e.getMessage());
            }
        }
        SweepStrategy chosen = switch (strategy.toLowerCase(Locale.ROOT)) {
            case "grid" -> SweepStrategy.GRID;
            case "random" -> SweepStrategy.RANDOM;
            default -> throw new ParameterException(spec.commandLine(), "--strategy is grid or random, not " + strategy);
        };
        AshaPolicy policy = null;
        if (asha || ashaRungs != null || ashaFraction != null) {
            AshaPolicy defaults = AshaPolicy.defaults(base.epochs());
            policy = new AshaPolicy(ashaRungs != null ? ashaRungs : defaults.rungs(),
                    ashaFraction != null ? ashaFraction : defaults.fraction());
        }
        return new SweepSpec(base.name(), base.toBuilder().name("").build(), settings, chosen, trials, sweepSeed, policy);
    }

    private RunSetting setting(String name) {
        for (RunSetting s : RunSetting.values()) {
            if (s.key().equalsIgnoreCase(name) || (s.cliOption().equalsIgnoreCase("--" + name)
                    && !s.cliOption().equals("--augment") && !s.cliOption().equals("--schedule"))) {
                return s;
            }
        }
        throw new ParameterException(spec.commandLine(), "--sweep: no setting '" + name + "'; sweepable: "
                + String.join(", ", SweptSetting.sweepable().stream().map(SweepCommand::name).toList()));
    }

    private static String name(RunSetting s) {
        return s.cliOption().equals("--augment") || s.cliOption().equals("--schedule") ? s.key() : s.cliOption().substring(2);
    }

    private int run(ConfigurableApplicationContext context, SweepSpec sweepSpec) {
        SweepService sweeps = context.getBean(SweepService.class);
        RunQueue queue = context.getBean(RunQueue.class);
        out.println("Sweep: " + sweepSpec.displayName() + " — " + sweeps.budget(sweepSpec).describe());
        LinkedBlockingQueue<RunEvent> ends = new LinkedBlockingQueue<>();
        Runnable unsubscribe = queue.subscribe(e -> {
            if (e instanceof RunEvent.Finished || e instanceof RunEvent.Failed || e instanceof RunEvent.Cancelled) {
                ends.add(e);
            }
        });
        Sweep sweep;
        try {
            sweep = sweeps.start(sweepSpec);
        } catch (InvalidSweepException e) {
            unsubscribe.run();
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Thread cancelOnCtrlC = new Thread(() -> sweeps.cancel(sweep.id()), "cli-cancel-sweep");
        Runtime.getRuntime().addShutdownHook(cancelOnCtrlC);
        Set<Integer> printed = new HashSet<>();
        try {
            out.printf("Sweep #%d queued %d trials%n", sweep.id(), sweepSpec.trialCount());
            SweepReport report = sweeps.report(sweep.id()).orElseThrow();
            while (true) {
                for (Trial t : report.trials()) {
                    if (!t.active() && t.run() != null && printed.add(t.number())) {
                        out.println(trialLine(report, t));
                    }
                }
                if (report.state() != SweepReport.State.RUNNING) {
                    break;
                }
                ends.poll(1, TimeUnit.SECONDS);
                report = sweeps.report(sweep.id()).orElseThrow();
            }
            out.println(report.progress());
            if (report.best().isEmpty()) {
                err.println("No trial finished");
                return CommandLine.FAILED;
            }
            out.println("Best: " + trialLine(report, report.best().get()));
            return CommandLine.OK;
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

    static String trialLine(SweepReport report, Trial t) {
        List<SweptSetting> swept = report.sweep().spec().swept();
        StringBuilder line = new StringBuilder(String.format("trial %d/%d (run #%d)", t.number(),
                report.trials().size(), t.run().id()));
        for (int i = 0; i < swept.size(); i++) {
            line.append(' ').append(name(swept.get(i).setting())).append('=')
                    .append(RunSetting.decimal(t.values().get(i).doubleValue()));
        }
        line.append(": ").append(t.statusText().toLowerCase(Locale.ROOT));
        if (t.bestValidationAccuracy() != null) {
            line.append(String.format(", best val acc %.2f%%", 100 * t.bestValidationAccuracy()));
        }
        if (t.testAccuracy() != null) {
            line.append(String.format(", test acc %.2f%%", 100 * t.testAccuracy()));
        }
        line.append(", ").append(TrainCommand.format(t.duration()));
        if (t.stoppedByAsha()) {
            line.append(" (").append(t.stoppedReason()).append(')');
        }
        return line.toString();
    }
}
