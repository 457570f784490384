package org.mnistlab.runs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.runs.ConfigDiff;
import org.mnistlab.runs.RunSeeder;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.RunConfig;

class CompareViewTest extends SpringAppTest {

    @RegisterExtension
    final RunSeeder seeder = new RunSeeder();


    private long slow;
    private long fast;
    private long longer;

    private static RunConfig withLearningRate(RunConfig c, double lr) {
        return c.toBuilder().learningRate(lr).build();
    }

    @BeforeEach
    void seedThreeRuns() {
        RunConfig base = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().epochs(3).trainSubset(1000).build();
        Evaluation ev = new Evaluation(0.95, 0.2, new int[10][10], List.of(), List.of());
        slow = seeder.finished(base.toBuilder().name("lr 0.001").build(), RunSeeder.T0, 101_770, RunSeeder.epochs(3, 0.95), ev);
        fast = seeder.finished(withLearningRate(base, 0.01).toBuilder().name("lr 0.01").build(), RunSeeder.T0.plusSeconds(1), 101_770,
                RunSeeder.epochs(3, 0.96), new Evaluation(0.96, 0.2, new int[10][10], List.of(), List.of()));
        longer = seeder.finished(base.toBuilder().epochs(5).name("5 epochs").build(), RunSeeder.T0.plusSeconds(2), 101_770,
                RunSeeder.epochs(5, 0.97), new Evaluation(0.97, 0.2, new int[10][10], List.of(), List.of()));
    }

    /** Opens /compare with a raw query such as "?runs=3,7" (as a link in the browser would). */
    private CompareView compare(String query) {
        open("compare" + query);
        return _get(CompareView.class);
    }

    @Test
    void shows_each_runs_outcome_side_by_side() {
        CompareView view = compare("?runs=" + slow + "," + fast + "," + longer);

        assertThat(GridKt._size(view.summaryGrid)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(view.summaryGrid, 0)).contains("95.00 %", "3", "3 / 3");
        assertThat(GridKt._getFormattedRow(view.summaryGrid, 2)).contains("97.00 % ★", "5", "5 / 5");
    }

    @Test
    void a_run_and_its_rerun_get_a_determinism_verdict() {
        RunConfig config = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().epochs(3)
                .trainSubset(1000).name("source").build();
        Evaluation ev = new Evaluation(0.95, 0.2, new int[10][10], List.of(), List.of());
        long source = seeder.finished(config, RunSeeder.T0, 101_770, RunSeeder.epochs(3, 0.95), ev);
        long rerun = seeder.finished(config.toBuilder().name("source (re-run of #" + source + ")").build(),
                RunSeeder.T0.plusSeconds(5), 101_770, RunSeeder.epochs(3, 0.95), ev);

        compare("?runs=" + source + "," + rerun);

        assertThat(_get(Paragraph.class, spec -> spec.withId("determinism-verdict")).getText())
                .startsWith("Identical metrics:").contains("all 3 epochs and the test accuracy");

        compare("?runs=" + slow + "," + fast);
        _assertNone(Paragraph.class, spec -> spec.withId("determinism-verdict"));
    }

    @Test
    void config_table_shows_only_differing_settings_until_asked_for_all() {
        CompareView view = compare("?runs=" + slow + "," + fast + "," + longer);

        List<ConfigDiff.Row> rows = GridKt._fetch(view.configGrid, 0, 100);
        assertThat(rows).extracting(ConfigDiff.Row::label).containsExactly("Learning rate", "Epochs");
        assertThat(GridKt._getFormattedRow(view.configGrid, 0)).endsWith("0.001", "0.01", "0.001");

        _setValue(view.showAll, true);
        assertThat(GridKt._size(view.configGrid)).isGreaterThan(20);

        _setValue(view.showAll, false);
        assertThat(GridKt._size(view.configGrid)).isEqualTo(2);
    }

    @Test
    void curves_are_overlaid_one_colour_per_run_train_dashed_validation_solid() throws Exception {
        compare("?runs=" + slow + "," + longer);

        JsonNode chart = new ObjectMapper().readTree(
                _get(ChartJs.class, spec -> spec.withId("compare-loss-chart")).getConfigJson());
        JsonNode sets = chart.get("data").get("datasets");
        assertThat(chart.get("data").get("labels")).hasSize(5);
        assertThat(sets).hasSize(4);
        assertThat(sets.get(0).get("label").asText()).isEqualTo("#" + slow + " lr 0.001 · train");
        assertThat(sets.get(0).get("borderDash")).isNotNull();
        assertThat(sets.get(1).get("borderDash")).isNull();
        assertThat(sets.get(0).get("borderColor")).isEqualTo(sets.get(1).get("borderColor"));
        assertThat(sets.get(2).get("borderColor")).isNotEqualTo(sets.get(0).get("borderColor"));
        assertThat(sets.get(1).get("data").get(3).isNull()).as("the 3-epoch run has no epoch 4").isTrue();
        assertThat(sets.get(3).get("data").get(4).isNumber()).isTrue();
    }

    @Test
    void identical_settings_say_so() {
        long twin = seeder.finished(RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().epochs(3)
                        .trainSubset(1000).name("twin").build(), RunSeeder.T0.plusSeconds(9), 101_770,
                RunSeeder.epochs(3, 0.95), null);
        compare("?runs=" + slow + "," + twin);

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-differences")).isVisible()).isTrue();
    }

    @Test
    void missing_runs_and_bad_links_get_a_message() {
        compare("?runs=" + slow + ",999999");
        assertThat(_get(Paragraph.class, spec -> spec.withId("compare-missing")).getText())
                .isEqualTo("Not found (deleted?): #999999");

        compare("?runs=3,x");
        assertThat(_get(Paragraph.class, spec -> spec.withId("compare-problem")).getText())
                .isEqualTo("'x' is not a run id (use numbers, e.g. runs=3,7)");

        compare("");
        assertThat(_get(Paragraph.class, spec -> spec.withId("compare-problem")).getText())
                .startsWith("No runs chosen");
    }
}
