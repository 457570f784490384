package org.mnistlab.runs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.RunPreset;
import org.mnistlab.training.RunRecord;

/** The queue over the real engine: positions, live removal of ended runs, no listener left behind. */
class QueueViewTest extends SpringAppTest {

    @AfterEach
    void cancelLeftovers() {
        queue.activeRuns().forEach(r -> queue.cancel(r.id()));
    }

    @SuppressWarnings("unchecked")
    private static List<QueueView.QueueRow> rows() {
        Grid<QueueView.QueueRow> grid = _get(Grid.class, spec -> spec.withId("queue-grid"));
        return GridKt._fetch(grid, 0, 100);
    }

    @Test
    void shows_running_and_queued_runs_in_order_and_follows_cancellations() throws InterruptedException {
        RunRecord running = queue.submit(RunPreset.SIMPLE_CNN.config(DatasetKind.MNIST).toBuilder().trainSubset(20_000)
                .epochs(20).name("queue running").build());
        RunRecord first = queue.submit(RunPreset.BASELINE_MLP.config(DatasetKind.MNIST).toBuilder().trainSubset(1000)
                .epochs(1).name("queue first").build());
        RunRecord second = queue.submit(RunPreset.BASELINE_MLP.config(DatasetKind.MNIST).toBuilder().trainSubset(1000)
                .epochs(1).name("queue second").build());
        int before = queue.listenerCount();

        UI.getCurrent().navigate("queue");
        assertThat(queue.listenerCount()).isEqualTo(before + 1);
        awaitUi(Duration.ofMinutes(1), () -> rows().size() == 3 && rows().get(0).position() == 0);
        assertThat(rows()).extracting(r -> r.run().id(), QueueView.QueueRow::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(running.id(), 0),
                        org.assertj.core.groups.Tuple.tuple(first.id(), 1),
                        org.assertj.core.groups.Tuple.tuple(second.id(), 2));

        queue.cancel(first.id());
        awaitUi(Duration.ofSeconds(30), () -> rows().size() == 2);
        assertThat(rows().get(1).run().id()).isEqualTo(second.id());
        assertThat(rows().get(1).position()).isEqualTo(1);

        UI.getCurrent().navigate("train");
        assertThat(queue.listenerCount()).isEqualTo(before);
    }
}
