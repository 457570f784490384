package org.mnistlab.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mnistlab.training.RunHistory;
import org.mnistlab.training.RunRecord;
import org.springframework.stereotype.Service;

/** Reads whole run reports and comparisons from the run history, so views stay thin. */
@Service
public class RunReports {

    private final RunHistory history;
    private final MetricsExport export = new MetricsExport();

    public RunReports(RunHistory history) {
        this.history = history;
    }

    public Optional<RunReport> report(long runId) {
        return history.findById(runId).map(this::reportOf);
    }

    /** The runs that exist among {@code runIds} (in that order) with the ids that were not found. */
    public Comparison compare(List<Long> runIds) {
        List<RunReport> found = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long id : runIds) {
            report(id).ifPresentOrElse(found::add, () -> missing.add(id));
        }
        return new Comparison(found, missing,
                ConfigDiff.of(found.stream().map(r -> r.run().config()).toList()));
    }

    public String csv(RunReport report) {
        return export.csv(report);
    }

    public String json(RunReport report) {
        return export.json(report);
    }

    private RunReport reportOf(RunRecord run) {
        return new RunReport(run, history.epochs(run.id()), history.evaluation(run.id()).orElse(null));
    }

    /** Several runs side by side; {@code diff} has one value per entry of {@code runs}. */
    public record Comparison(List<RunReport> runs, List<Long> missing, ConfigDiff diff) {
    }
}
