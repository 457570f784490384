package org.mnistlab.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mnistlab.training.RunReport;
import org.mnistlab.training.RunStore;

/**
 * Several runs side by side, as the compare page shows them.
 *
 * @param runs    the runs that exist, in the order asked for
 * @param missing the asked-for ids that are not stored
 * @param diff    their settings compared, one value per entry of {@code runs}
 */
public record RunComparison(List<RunReport> runs, List<Long> missing, ConfigDiff diff) {

    public RunComparison {
        runs = List.copyOf(runs);
        missing = List.copyOf(missing);
    }

    /**
     * For runs that share every setting (a run and its re-runs): whether they measured the same. Empty when
     * settings differ or there are fewer than two runs.
     */
    public Optional<Determinism> determinism() {
        return diff.identical() ? Determinism.of(runs) : Optional.empty();
    }

    public static RunComparison of(RunStore store, List<Long> runIds) {
        List<RunReport> found = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long id : runIds) {
            store.report(id).ifPresentOrElse(found::add, () -> missing.add(id));
        }
        return new RunComparison(found, missing, ConfigDiff.of(found.stream().map(r -> r.run().config()).toList()));
    }
}
