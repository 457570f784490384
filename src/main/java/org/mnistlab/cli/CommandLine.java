package org.mnistlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry of the headless commands. {@code Application.main} hands over when the first argument is a
 * command name; everything else starts the web app. The Spring context runs without a web server and
 * without Vaadin, on the same H2 store as the UI, and does not touch runs a live server may own.
 */
public final class CommandLine {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final Set<String> COMMANDS = Set.of("train", "bench", "help", "--help", "-h");

    private CommandLine() {
    }

    /** Whether these arguments ask for a CLI command rather than the web app. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * Runs a command and returns its exit code.
     *
     * @param applicationClass the Spring Boot application to start (headless)
     */
    public static int run(Class<?> applicationClass, String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0];
        try {
            return switch (command) {
                case "train" -> {
                    Arguments arguments = Arguments.parse(args, TrainArguments.WITH_VALUE, TrainArguments.OPTIONAL_VALUE);
                    var config = TrainArguments.toConfig(arguments);
                    yield withContext(applicationClass, arguments, out, err,
                            context -> new TrainCommand(context, out, err).run(config));
                }
                case "bench" -> {
                    Arguments arguments = Arguments.parse(args, BenchCommand.WITH_VALUE, BenchCommand.OPTIONAL_VALUE);
                    BenchCommand.Options options = BenchCommand.Options.from(arguments);
                    yield withContext(applicationClass, arguments, out, err,
                            context -> new BenchCommand(context, out).run(options));
                }
                default -> {
                    out.print(usage());
                    yield OK;
                }
            };
        } catch (UsageException e) {
            err.println("Error: " + e.getMessage());
            err.println();
            err.print(command.equals("bench") ? BenchCommand.USAGE : command.equals("train") ? TrainArguments.USAGE : usage());
            return USAGE;
        }
    }

    static String usage() {
        return """
                MNIST Lab
                  java -jar mnist-lab.jar                 start the web app (http://localhost:8080)
                  java -jar mnist-lab.jar train [options] train one model headless; the run is stored for the UI
                  java -jar mnist-lab.jar bench [options] images/s, epoch time, test accuracy, peak RSS per model
                  java -jar mnist-lab.jar <command> --help  (any bad option prints the command's options)
                """;
    }

    private static int withContext(Class<?> applicationClass, Arguments arguments, PrintStream out, PrintStream err,
                                   Function<ConfigurableApplicationContext, Integer> body) {
        List<String> springArgs = new ArrayList<>(List.of(
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                // A server on the same data directory may be training right now: leave its runs alone.
                "--mnistlab.recover-interrupted-runs=false",
                "--logging.level.root=WARN", "--logging.level.org.nd4j=WARN",
                "--logging.level.org.deeplearning4j=WARN", "--logging.level.org.mnistlab=WARN",
                "--spring.main.log-startup-info=false"));
        if (arguments.has("data-dir")) {
            springArgs.add("--mnistlab.data-dir=" + arguments.string("data-dir", ""));
        }
        if (arguments.has("datasets-dir")) {
            springArgs.add("--mnistlab.datasets-dir=" + arguments.string("datasets-dir", ""));
        }
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

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains("already in use") || message.contains("Database may be already")) {
            return "the run store is locked by another MNIST Lab process (" + message + ")";
        }
        return message;
    }
}
