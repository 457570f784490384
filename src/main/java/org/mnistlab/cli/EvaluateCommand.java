package org.mnistlab.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.mnistlab.ensembles.Ensemble;
import org.mnistlab.ensembles.EnsembleMember;
import org.mnistlab.ensembles.EnsembleResult;
import org.mnistlab.ensembles.EnsembleService;
import org.mnistlab.ensembles.InvalidEnsembleException;
import org.mnistlab.training.Evaluation;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate --ensemble 3,4,5}: the same evaluation as the Ensembles page, stored there too. */
@Command(name = "evaluate", sortOptions = false, abbreviateSynopsis = true,
        description = "Evaluate finished runs together as an ensemble on the test set (averaged probabilities and"
                + " majority vote); the ensemble is stored for the web app.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--ensemble", required = true, split = ",", paramLabel = "RUN",
            description = "Ids of 2 to " + EnsembleService.MAX_MEMBERS + " finished runs on one dataset, e.g. 3,4,5")
    List<Long> runIds;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 200, description = "Show this help and exit.")
    boolean help;

    private final Class<?> applicationClass;
    private final PrintStream out;
    private final PrintStream err;

    EvaluateCommand(Class<?> applicationClass, PrintStream out, PrintStream err) {
        this.applicationClass = applicationClass;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return CommandLine.withContext(applicationClass, storeOptions, List.of(), err, this::run);
    }

    private int run(ConfigurableApplicationContext context) {
        EnsembleService ensembles = context.getBean(EnsembleService.class);
        EnsembleResult result;
        Instant started = Instant.now();
        try {
            result = ensembles.evaluate(runIds, done -> out.printf("  %d of %d models have classified the test set%n",
                    done, runIds.stream().distinct().count()));
        } catch (InvalidEnsembleException e) {
            err.println("Error: " + e.getMessage());
            return CommandLine.FAILED;
        }
        Ensemble ensemble = result.ensemble();
        if (ensemble.createdAt().isBefore(started)) {
            out.printf("Ensemble #%d on %s: these runs were evaluated together on %s; its stored figures follow%n",
                    ensemble.id(), ensemble.dataset().displayName(), ensemble.createdAt());
        } else {
            out.printf("Ensemble #%d on %s (%.1f s)%n", ensemble.id(), ensemble.dataset().displayName(),
                    ensemble.seconds());
        }
        for (EnsembleMember m : ensemble.members()) {
            out.printf("  run #%-4d %-40s %8.2f %%%n", m.runId(), m.name(), m.testAccuracy() * 100);
        }
        line("averaged probabilities", result.average(), ensemble);
        line("majority vote", result.vote(), ensemble);
        out.println("Confusion matrix of the averaged ensemble (rows: true class, columns: predicted):");
        for (int[] row : result.average().confusion()) {
            StringBuilder text = new StringBuilder("  ");
            for (int count : row) {
                text.append(String.format("%6d", count));
            }
            out.println(text);
        }
        return CommandLine.OK;
    }

    private void line(String how, Evaluation evaluation, Ensemble ensemble) {
        EnsembleMember best = ensemble.bestMember();
        out.printf("  %-24s %8.2f %%  (%+.2f points against the best member, #%d; %d test images wrong)%n", how,
                evaluation.accuracy() * 100, (evaluation.accuracy() - best.testAccuracy()) * 100, best.runId(),
                evaluation.misclassified().size());
    }
}
