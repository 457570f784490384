package org.mnistlab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.mnistlab.base.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Entry of the headless commands. {@code Application.main} hands over when the first argument is a
 * command name; everything else starts the web app. The Spring context runs without a web server and
 * without Vaadin, on the same H2 store as the UI, and does not touch runs a live server may own.
 */
public final class CommandLine {

    private static final Logger log = LoggerFactory.getLogger(CommandLine.class);

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final Set<String> COMMANDS = Set.of("train", "bench", "sweep", "evaluate", "help", "--help", "-h");

    private CommandLine() {
    }

    /** Whether these arguments ask for a CLI command rather than the web app. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * Runs a command and returns its exit code: {@link #USAGE} for bad arguments, after a one-line error and
     * the command's usage on {@code err}.
     *
     * @param applicationClass the Spring Boot application to start (headless)
     */
    public static int run(Class<?> applicationClass, String[] args, PrintStream out, PrintStream err) {
        picocli.CommandLine cli = commands(applicationClass, out, err);
        try {
            return withBackgroundFailuresLogged(() -> cli.execute(args));
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /**
     * Runs a command with the uncaught failures of background threads sent to the log (shown with --verbose)
     * instead of the JVM's stack trace on the console: when the disk fills, H2's LOB cleaner thread dies with one,
     * in the middle of the command's own one-line account of what failed.
     */
    static int withBackgroundFailuresLogged(IntSupplier command) {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) ->
                log.warn("Background thread {} stopped", thread.getName(), failure));
        try {
            return command.getAsInt();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    /** Every command, printing to {@code out} and {@code err}. */
    static picocli.CommandLine commands(Class<?> applicationClass, PrintStream out, PrintStream err) {
        picocli.CommandLine cli = new picocli.CommandLine(new Commands());
        cli.addSubcommand(withSettings(new TrainCommand(applicationClass, out, err), TrainCommand.SETTINGS));
        cli.addSubcommand(withSettings(new BenchCommand(applicationClass, out, err), BenchCommand.SETTINGS));
        cli.addSubcommand(withSettings(new SweepCommand(applicationClass, out, err), SweepCommand.SETTINGS));
        cli.addSubcommand(new EvaluateCommand(applicationClass, out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setUsageHelpWidth(100);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("Error: " + failureMessage(e));
            if (verbose(parsed)) {
                e.printStackTrace(command.getErr());
            }
            return FAILED;
        });
        cli.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter writer = e.getCommandLine().getErr();
            writer.println("Error: " + e.getMessage());
            writer.println();
            e.getCommandLine().usage(writer);
            return USAGE;
        });
        return cli;
    }

    /** The top level: without a command it prints what there is. */
    @Command(name = "java -jar mnist-lab.jar", subcommands = HelpCommand.class,
            description = "MNIST Lab. Without a command: start the web app (http://localhost:8080).",
            footer = "Any bad option prints the command's options; <command> --help prints them too.")
    static final class Commands implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** A command whose run settings are options described by {@link org.mnistlab.training.RunSetting}. */
    private static picocli.CommandLine withSettings(Object command, SettingOptions settings) {
        CommandSpec spec = CommandSpec.forAnnotatedObject(command);
        settings.addTo(spec);
        return new picocli.CommandLine(spec);
    }

    /**
     * For a command that stores nothing (bench): a private in-memory database in place of the run store's file,
     * so it neither creates one nor is refused the lock of a server that holds it.
     */
    static final List<String> WITHOUT_RUN_STORE = List.of("--spring.datasource.url=jdbc:h2:mem:no-run-store");

    static int withContext(Class<?> applicationClass, StoreOptions store, List<String> extraSpringArgs,
                           PrintStream err, Function<ConfigurableApplicationContext, Integer> body) {
        List<String> springArgs = new ArrayList<>(List.of(
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                // A server on the same data directory may be training right now: leave its runs alone.
                "--mnistlab.recover-interrupted-runs=false",
                // A failed start is reported in one line below, not as Spring's stack trace.
                "--logging.level.org.springframework=ERROR", "--logging.level.org.springframework.boot.SpringApplication=OFF",
                "--spring.main.log-startup-info=false"));
        // The command prints what happens in its own lines, ending with one that says why it failed.
        String level = store.verbose ? "WARN" : "OFF";
        for (String logger : List.of("root", "org.nd4j", "org.deeplearning4j", "org.mnistlab")) {
            springArgs.add("--logging.level." + logger + "=" + level);
        }
        springArgs.addAll(store.springArguments());
        springArgs.addAll(extraSpringArgs);
        SpringApplication app = new SpringApplication(applicationClass);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setRegisterShutdownHook(false); // the command closes the context itself, after cancelling its run
        ConfigurableApplicationContext context;
        try {
            context = app.run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("Error: cannot start: " + rootMessage(e));
            return FAILED;
        }
        try {
            return body.apply(context);
        } finally {
            context.close();
        }
    }

    /** A command's failure in one line: the store's, said as the web app says it, or the cause. */
    static String failureMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException || t instanceof TransactionException) {
                return UserMessages.storeUnavailable(e);
            }
        }
        return UserMessages.rootCause(e);
    }

    private static boolean verbose(picocli.CommandLine.ParseResult parsed) {
        for (picocli.CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains("The file is locked") || message.contains("Database may be already in use")) {
            return "the run store is in use by another process, probably a running MNIST Lab server ("
                    + message.lines().findFirst().orElse(message) + "). Stop the server, or give another --data-dir.";
        }
        boolean store = false;
        for (Throwable t = e; t != null && !store; t = t.getCause() == t ? null : t.getCause()) {
            store = t instanceof java.sql.SQLException;
        }
        return store ? UserMessages.storeUnavailable(e) : UserMessages.withoutPaths(message);
    }
}
