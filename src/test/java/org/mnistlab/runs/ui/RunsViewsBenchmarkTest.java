package org.mnistlab.runs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.provider.SortDirection;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.Split;
import org.mnistlab.runs.RunSeeder;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.RunConfig;

/**
 * The speed goals, measured and printed (not asserted): the runs grid over 1,000 runs in H2 opens
 * and sorts; a run detail with its confusion matrix and 100 misclassified thumbnails opens. Server-side
 * time only (Karibu): the browser's rendering comes on top. Each figure is wall time and, in brackets,
 * the CPU time of the request thread, which a busy shared machine distorts less.
 */
@Tag("benchmark")
class RunsViewsBenchmarkTest extends SpringAppTest {

    @RegisterExtension
    final RunSeeder seeder = new RunSeeder();


    private static final int RUNS = 1000;

    @Test
    void grid_with_1000_runs_opens_and_sorts() {
        Architecture[] architectures = Architecture.values();
        long seedStart = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            Architecture a = architectures[i % architectures.length];
            DatasetKind d = i % 3 == 0 ? DatasetKind.FASHION_MNIST : DatasetKind.MNIST;
            RunConfig config = RunConfig.defaults(a, d).toBuilder().name("seeded run " + i).epochs(3).build();
            double accuracy = 0.85 + (i * 7919 % 1000) / 10_000.0;
            if (i % 10 == 9) {
                seeder.failed(config, RunSeeder.T0.plusSeconds(i), "seeded failure");
            } else {
                seeder.finished(config, RunSeeder.T0.plusSeconds(i), 10_000 + i, RunSeeder.epochs(3, accuracy),
                        new Evaluation(accuracy, 0.3, new int[10][10], List.of(), List.of()));
            }
        }
        System.out.printf(Locale.ROOT, "PERF seeded %d runs into H2 in %d ms%n", RUNS, ms(seedStart));

        List<String> opens = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            UI.getCurrent().navigate("compare");
            Timer timer = new Timer();
            UI.getCurrent().navigate("runs");
            RunsView view = _get(RunsView.class);
            assertThat(GridKt._fetch(view.grid, 0, 50)).hasSize(50);
            assertThat(GridKt._size(view.grid)).isEqualTo(RUNS);
            opens.add(timer.toString());
        }
        RunsView view = _get(RunsView.class);
        List<String> sorts = new ArrayList<>();
        for (String key : List.of("name", "testAccuracy", "duration", "bestValidation", "status", "created")) {
            for (SortDirection direction : SortDirection.values()) {
                Timer timer = new Timer();
                GridKt._sortByKey(view.grid, key, direction);
                assertThat(GridKt._fetch(view.grid, 0, 50)).hasSize(50);
                sorts.add(key + " " + direction.name().toLowerCase(Locale.ROOT) + " " + timer);
            }
        }
        System.out.printf(Locale.ROOT, "PERF runs grid with %d runs: open + first page %s (first, then warm)%n",
                RUNS, opens);
        System.out.println("PERF runs grid sort + first page: " + String.join(", ", sorts));
    }

    @Test
    void detail_with_confusion_matrix_and_100_thumbnails_opens() {
        var test = datasets.samples(DatasetKind.MNIST, Split.TEST);
        Evaluation evaluation = RunSeeder.evaluation(test, 400, 11);
        long id = seeder.finished(RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST).toBuilder().name("perf detail")
                .epochs(10).build(), RunSeeder.T0, 225_034, RunSeeder.epochs(10, 0.97), evaluation);

        List<String> opens = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            UI.getCurrent().navigate("runs");
            Timer timer = new Timer();
            UI.getCurrent().navigate("runs/" + id);
            _get(RunDetailView.class);
            assertThat(_get(Div.class, spec -> spec.withId("misclassified")).getChildren().count()).isEqualTo(100);
            _get(ConfusionMatrix.class);
            opens.add(timer.toString());
        }
        System.out.printf(Locale.ROOT,
                "PERF run detail (confusion matrix + 100 misclassified thumbnails) opens in %s (first, then warm)%n",
                opens);
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Wall and thread CPU time since creation, as "412 ms (cpu 180 ms)". */
    private static final class Timer {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final long wall = System.nanoTime();
        private final long cpu = THREADS.getCurrentThreadCpuTime();

        @Override
        public String toString() {
            return ms(wall) + " ms (cpu " + (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000 + " ms)";
        }
    }
}
