package org.mnistlab.cli;

import java.io.PrintStream;
import java.time.Duration;
import org.mnistlab.api.EpochJson;
import org.mnistlab.api.RunDetailsJson;
import org.mnistlab.api.RunJson;
import org.mnistlab.training.RunConfig;

/**
 * {@code train --server}: queues the run on a running server and follows it by polling, printing the same lines
 * as a local run. Ctrl+C cancels it on the server.
 */
final class RemoteTraining {

    private final ServerClient server;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration poll;

    RemoteTraining(ServerClient server, PrintStream out, PrintStream err, Duration poll) {
        this.server = server;
        this.out = out;
        this.err = err;
        this.poll = poll;
    }

    int run(RunConfig config) {
        out.println("Server: " + server.base());
        return finish(trainToEnd(config));
    }

    /** Queues the run, prints its start and epochs as they arrive, and returns it as it ended. */
    RunDetailsJson trainToEnd(RunConfig config) {
        RunJson queued = server.submit(config);
        long id = queued.id();
        out.printf("Run #%d queued (%,d parameters)%n", id, queued.parameterCount());
        Thread cancelOnCtrlC = new Thread(() -> {
            err.println("Stopping: cancelling run #" + id + " on the server (finished epochs stay stored)");
            try {
                server.cancel(id);
            } catch (ServerClient.ServerException e) {
                err.println("Error: " + e.getMessage());
            }
        }, "cli-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnCtrlC);
        try {
            return follow(id, config);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting through the hook
            }
        }
    }

    /** Prints the start and each new epoch until the run ends; returns it as it ended. */
    private RunDetailsJson follow(long id, RunConfig config) {
        boolean started = false;
        int printed = 0;
        while (true) {
            RunDetailsJson details = server.run(id);
            RunJson run = details.run();
            if (!started && run.trainImages() != null) {
                started = true;
                int batches = (run.trainImages() + config.batchSize() - 1) / config.batchSize();
                out.printf("Training %s: %d epochs × %d batches%n", config.displayName(), run.epochsPlanned(), batches);
            }
            for (EpochJson epoch : details.epochs().subList(Math.min(printed, details.epochs().size()),
                    details.epochs().size())) {
                out.println(TrainCommand.epochLine(epoch.metrics(), config.epochs()));
            }
            printed = Math.max(printed, details.epochs().size());
            if (!run.active()) {
                return details;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerClient.ServerException("interrupted while following run #" + id);
            }
        }
    }

    /** Prints how the run ended: its result, or why it has none. */
    int finish(RunDetailsJson details) {
        RunJson run = details.run();
        switch (run.status()) {
            case "FINISHED" -> {
                Duration took = run.startedAt() == null || run.finishedAt() == null ? null
                        : Duration.between(run.startedAt(), run.finishedAt());
                out.printf("Finished run #%d: test accuracy %.2f%% (loss %.4f) in %s; best epoch %s; model %s%n",
                        run.id(), 100 * run.testAccuracy(), run.testLoss(), TrainCommand.format(took), run.bestEpoch(),
                        run.hasModel() ? server.base() + "/api/runs/" + run.id() + "/model" : "-");
                return CommandLine.OK;
            }
            case "FAILED" -> err.println("Run #" + run.id() + " failed: " + run.error());
            default -> err.println("Run #" + run.id() + " was " + run.status().toLowerCase(java.util.Locale.ROOT)
                    + " after " + run.epochsDone() + " epoch(s)");
        }
        return CommandLine.FAILED;
    }
}
