package org.mnistlab.runs;

import java.util.ArrayList;
import java.util.List;
import org.mnistlab.base.WarmUpPages;
import org.mnistlab.training.RunFilter;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunSort;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunStore;
import org.springframework.stereotype.Component;

/**
 * The runs list and the newest finished run's page for the start-up warm-up: a run page's first rendering
 * after a start took 0.6 s in the server (its matrix, charts and images), the next ones 0.1-0.3 s.
 */
@Component
class RunPagesWarmUp implements WarmUpPages {

    private final RunStore store;

    RunPagesWarmUp(RunStore store) {
        this.store = store;
    }

    @Override
    public List<String> warmUpPaths() {
        List<String> paths = new ArrayList<>(List.of("runs"));
        RunFilter finished = new RunFilter(null, null, RunStatus.FINISHED, null);
        for (RunRecord run : store.find(finished, RunSort.NEWEST_FIRST, 0, 1)) {
            paths.add("runs/" + run.id());
        }
        return paths;
    }
}
