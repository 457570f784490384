package org.mnistlab.runs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.runs.RunSeeder;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunRecord;

/** Time to accuracy in the runs grid and on the run detail; the configurator's learning-rate curve. */
class TimeToAccuracyViewsTest extends SpringAppTest {

    @RegisterExtension
    final RunSeeder seeder = new RunSeeder();

    private long run(String name, double... validationAccuracies) {
        List<EpochMetrics> epochs = new java.util.ArrayList<>();
        for (int e = 1; e <= validationAccuracies.length; e++) {
            epochs.add(new EpochMetrics(e, 0.1, 0.99, 0.5 - 0.01 * e, validationAccuracies[e - 1], 0.001, 30_000, 1800));
        }
        return seeder.finished(RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST).toBuilder().name(name)
                .epochs(validationAccuracies.length).build(), RunSeeder.T0, 1000, epochs, null);
    }

    @Test
    void the_runs_grid_shows_and_sorts_by_the_time_to_each_target() {
        long slow = run("slow", 0.985, 0.991, 0.994);
        long fast = run("fast", 0.993, 0.995);
        long never = run("never", 0.97);
        UI.getCurrent().navigate("runs");
        RunsView view = _get(RunsView.class);
        assertThat(view.grid.getColumnByKey("timeToTarget1").isVisible()).isFalse();
        view.timeToAccuracy.setValue(true);
        GridKt._sortByKey(view.grid, "timeToTarget2", SortDirection.ASCENDING);
        assertThat(GridKt._fetch(view.grid, 0, 10).stream().map(RunRecord::id).toList())
                .containsExactly(fast, slow, never);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("30 s · ep 1", "1 m 00 s · ep 2");
        assertThat(view.grid.getColumnByKey("timeToTarget1").getHeaderText()).isEqualTo("To 99.0 | 85 %");
    }

    @Test
    void the_run_detail_says_when_each_target_was_first_reached() {
        long id = run("slow", 0.985, 0.991, 0.994);
        UI.getCurrent().navigate("runs/" + id);
        assertThat(_get(Span.class, spec -> spec.withId("time-to-accuracy")).getText())
                .isEqualTo("99.0 %: 1 m 00 s · ep 2  ·  99.3 %: 1 m 30 s · ep 3  ·  99.5 %: —");
    }

    @Test
    void the_configurator_draws_the_learning_rate_curve_of_the_fast_preset_while_its_settings_are_valid() {
        UI.getCurrent().navigate("train");
        _click(_get(Button.class, spec -> spec.withId("preset-fast")));
        ChartJs chart = _get(ChartJs.class, spec -> spec.withId("lr-curve-chart"));
        assertThat(chart.isVisible()).isTrue();
        assertThat(chart.getConfigJson()).contains("Learning rate the run will follow", "\"3\"");
        assertThat(_get(Span.class, spec -> spec.withId("lr-curve-note")).getText())
                .isEqualTo("Changes every batch. 844 batches per epoch.");
        // a learning rate above the one-cycle's peak: the rate field takes it, the peak field is then wrong
        _setValue(_get(TextField.class, spec -> spec.withId("field-learningRate")), "0.01");
        assertThat(chart.isVisible()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("lr-curve-note")).getText())
                .isEqualTo("Fix the learning-rate settings to see the curve.");
    }
}
