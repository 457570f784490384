package org.mnistlab.runs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.data.provider.SortDirection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.runs.RunSeeder;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;

class RunsViewTest extends SpringAppTest {

    @RegisterExtension
    final RunSeeder seeder = new RunSeeder();


    private long alpha;
    private long beta;
    private long gamma;
    private long delta;
    private long epsilon;

    @BeforeEach
    void seedFiveRuns() {
        alpha = finished("alpha mlp", DatasetKind.MNIST, Architecture.MLP, 0, 0.971, 101_770);
        beta = finished("beta cnn", DatasetKind.MNIST, Architecture.SIMPLE_CNN, 1, 0.991, 225_034);
        gamma = finished("gamma fashion", DatasetKind.FASHION_MNIST, Architecture.MLP, 2, 0.881, 101_770);
        delta = seeder.failed(config("delta failed", DatasetKind.MNIST, Architecture.LENET5), RunSeeder.T0.plusSeconds(3),
                "Out of memory");
        epsilon = finished("Epsilon Fashion cnn", DatasetKind.FASHION_MNIST, Architecture.SIMPLE_CNN, 4, 0.912,
                225_034);
    }

    private static RunConfig config(String name, DatasetKind dataset, Architecture architecture) {
        return RunConfig.defaults(architecture, dataset).toBuilder().name(name).epochs(3).trainSubset(1000).build();
    }

    private long finished(String name, DatasetKind dataset, Architecture architecture, int minute, double accuracy,
                          long params) {
        var ev = new org.mnistlab.training.Evaluation(accuracy, 0.2, new int[10][10], List.of(), List.of());
        return seeder.finished(config(name, dataset, architecture), RunSeeder.T0.plusSeconds(minute), params,
                RunSeeder.epochs(3, accuracy - 0.005), ev);
    }

    private RunsView openRuns() {
        UI.getCurrent().navigate("runs");
        return _get(RunsView.class);
    }

    private static List<Long> ids(Grid<RunRecord> grid) {
        return GridKt._fetch(grid, 0, 100).stream().map(RunRecord::id).toList();
    }

    @Test
    void lists_all_runs_newest_first() {
        RunsView view = openRuns();

        assertThat(GridKt._size(view.grid)).isEqualTo(5);
        assertThat(ids(view.grid)).containsExactly(epsilon, delta, gamma, beta, alpha);
        assertThat(GridKt._getFormattedRow(view.grid, 4)).contains("MNIST", "MLP", "3 / 3", "97.10 %", "101,770");
    }

    @Test
    void filters_and_sort_come_from_the_address_and_go_back_into_it() {
        UI.getCurrent().navigate("runs", QueryParameters.fromString("dataset=fashion-mnist&sort=test_accuracy&dir=asc"));
        RunsView view = _get(RunsView.class);

        assertThat(view.datasetFilter.getValue()).isEqualTo(DatasetKind.FASHION_MNIST);
        assertThat(ids(view.grid)).as("Fashion-MNIST runs, least accurate first").containsExactly(gamma, epsilon);

        _setValue(view.statusFilter, RunStatus.FINISHED);
        GridKt._sortByKey(view.grid, "name", SortDirection.DESCENDING);
        assertThat(view.address().query())
                .isEqualTo("dataset=fashion-mnist&status=finished&sort=name&dir=desc");
    }

    @Test
    void filters_by_dataset() {
        RunsView view = openRuns();

        _setValue(view.datasetFilter, DatasetKind.FASHION_MNIST);

        assertThat(ids(view.grid)).containsExactly(epsilon, gamma);
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
    }

    @Test
    void filters_by_architecture_and_status_together() {
        RunsView view = openRuns();

        _setValue(view.architectureFilter, Architecture.SIMPLE_CNN);
        assertThat(ids(view.grid)).containsExactly(epsilon, beta);

        _setValue(view.statusFilter, RunStatus.FAILED);
        assertThat(ids(view.grid)).isEmpty();

        _setValue(view.architectureFilter, null);
        assertThat(ids(view.grid)).containsExactly(delta);
    }

    @Test
    void searches_names_ignoring_case() {
        RunsView view = openRuns();

        _setValue(view.search, "FASHION");

        assertThat(ids(view.grid)).containsExactly(epsilon, gamma);
    }

    @Test
    void sorts_by_test_accuracy_both_ways() {
        RunsView view = openRuns();

        GridKt._sortByKey(view.grid, "testAccuracy", SortDirection.DESCENDING);
        List<Double> descending = GridKt._fetch(view.grid, 0, 10).stream().map(RunRecord::testAccuracy)
                .filter(Objects::nonNull).toList();
        assertThat(descending).containsExactly(0.991, 0.971, 0.912, 0.881);

        GridKt._sortByKey(view.grid, "testAccuracy", SortDirection.ASCENDING);
        List<Double> ascending = GridKt._fetch(view.grid, 0, 10).stream().map(RunRecord::testAccuracy)
                .filter(Objects::nonNull).toList();
        assertThat(ascending).containsExactly(0.881, 0.912, 0.971, 0.991);
    }

    @Test
    void sorts_by_name_and_by_parameters() {
        RunsView view = openRuns();

        GridKt._sortByKey(view.grid, "name", SortDirection.ASCENDING);
        assertThat(GridKt._fetch(view.grid, 0, 10)).extracting(RunRecord::name)
                .containsExactly("alpha mlp", "beta cnn", "delta failed", "Epsilon Fashion cnn", "gamma fashion");

        GridKt._sortByKey(view.grid, "parameters", SortDirection.DESCENDING);
        assertThat(GridKt._get(view.grid, 0).parameterCount()).isEqualTo(225_034);
        assertThat(GridKt._get(view.grid, 4).parameterCount()).isEqualTo(1000);
    }

    @Test
    void sorting_keeps_the_filter() {
        RunsView view = openRuns();
        _setValue(view.datasetFilter, DatasetKind.MNIST);

        GridKt._sortByKey(view.grid, "created", SortDirection.ASCENDING);

        assertThat(ids(view.grid)).containsExactly(alpha, beta, delta);
    }

    @Test
    void compare_needs_at_least_two_runs_and_opens_them_oldest_first() {
        RunsView view = openRuns();
        assertThat(view.compare.isEnabled()).isFalse();

        view.grid.select(GridKt._get(view.grid, 0)); // epsilon
        assertThat(view.compare.isEnabled()).isFalse();
        assertThat(view.compareLink.isEnabled()).isFalse();
        view.grid.select(GridKt._get(view.grid, 3)); // beta
        assertThat(view.compare.isEnabled()).isTrue();
        assertThat(view.compare.getText()).isEqualTo("Compare (2)");

        assertThat(view.compareLink.getHref()).isEqualTo("compare?runs=" + beta + "," + epsilon);

        com.github.mvysny.kaributesting.v10.AnchorsKt._click(view.compareLink);

        CompareView compare = _get(CompareView.class);
        assertThat(compare.comparison.runs()).extracting(r -> r.run().id()).containsExactly(beta, epsilon);
    }

    @Test
    void no_match_offers_to_clear_the_filters() {
        RunsView view = openRuns();
        _setValue(view.search, "no such run");
        assertThat(GridKt._size(view.grid)).isZero();

        _click(_get(view, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("clear-filters")));

        assertThat(GridKt._size(view.grid)).isEqualTo(5);
        assertThat(view.search.getValue()).isEmpty();
    }

    @Test
    void empty_store_explains_how_to_start_a_run() {
        runs.deleteAll();
        RunsView view = openRuns();

        assertThat(GridKt._size(view.grid)).isZero();
        RouterLink start = _get(RouterLink.class, spec -> spec.withId("start-first-run"));
        assertThat(start.getHref()).isEqualTo("train");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("runs-empty-state"))
                .getElement().getTextRecursively()).contains("No runs yet", "Train page");
    }

    @Test
    void failed_runs_are_listed_with_their_message() {
        RunsView view = openRuns();
        _setValue(view.statusFilter, RunStatus.FAILED);

        RunRecord failed = GridKt._get(view.grid, 0);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("Out of memory");
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("LeNet-5", "0 / 3");
    }

    @Test
    void follows_a_real_run_live_and_unsubscribes_when_closed() throws InterruptedException {
        int listenersBefore = queue.listenerCount();
        RunsView view = openRuns();
        assertThat(queue.listenerCount()).isEqualTo(listenersBefore + 1);
        AtomicInteger refreshes = new AtomicInteger();
        view.grid.getDataProvider().addDataProviderListener(e -> refreshes.incrementAndGet());

        RunConfig tiny = RunConfig.defaults(Architecture.LOGISTIC, DatasetKind.MNIST).toBuilder().name("live one")
                .epochs(1).trainSubset(500).build();
        long id = runs.awaitEnd(queue.submit(tiny).id()).id();
        awaitUi(Duration.ofSeconds(10), () -> refreshes.get() > 0
                && GridKt._get(view.grid, 0).status() == RunStatus.FINISHED);

        assertThat(refreshes.get()).as("grid refreshes pushed by training events").isPositive();
        assertThat(GridKt._get(view.grid, 0).id()).isEqualTo(id);
        assertThat(GridKt._get(view.grid, 0).status()).isEqualTo(RunStatus.FINISHED);

        UI.getCurrent().navigate("compare");
        assertThat(queue.listenerCount()).isEqualTo(listenersBefore);
    }
}
