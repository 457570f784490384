package org.mnistlab.sweeps.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.runs.RunSeeder;
import org.mnistlab.runs.ui.RunConfigForm;
import org.mnistlab.sweeps.SweepReport;
import org.mnistlab.sweeps.SweepService;
import org.mnistlab.sweeps.Trial;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunRecord;
import org.springframework.beans.factory.annotation.Autowired;

class SweepViewsTest extends SpringAppTest {

    @RegisterExtension
    final RunSeeder seeder = new RunSeeder();

    @Autowired
    SweepService service;

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static List<Trial> trialRows() {
        return GridKt._fetch(_get(Grid.class, spec -> spec.withId("trials-grid")), 0, 10);
    }

    @Test
    void shows_messages_next_to_the_swept_fields_and_queues_nothing_on_error() {
        int before = service.sweeps().size();
        open("sweeps/new");
        _setValue(field("sweep-denseDropout"), "0.5..0.1");
        _setValue(field("sweep-l2"), "0..0.001:log");
        assertThat(_get(Paragraph.class, spec -> spec.withId("sweep-budget")).getText())
                .isEqualTo("Budget: " + service.budget(_get(SweepSettingsPanel.class)
                        .read(_get(RunConfigForm.class).getConfig()).spec()).describe());
        _click(_get(Button.class, spec -> spec.withId("start")));

        assertThat(field("sweep-denseDropout").isInvalid()).isTrue();
        assertThat(field("sweep-denseDropout").getErrorMessage()).isEqualTo("The low end (0.5) is above the high end (0.1)");
        assertThat(field("sweep-l2").getErrorMessage()).isEqualTo("A log range must stay above zero; its low end is 0");
        assertThat(service.sweeps()).hasSize(before);
        assertThat(queue.activeRuns()).isEmpty();
    }

    @Test
    void a_started_sweep_shows_its_trials_live_with_the_best_run_and_its_runs_in_the_run_list() {
        open("sweeps/new");
        _get(RunConfigForm.class).setConfig(TestRuns.quick(Architecture.LOGISTIC, 500, 1));
        _setValue(field("sweep-learningRate"), "0.01, 0.000001");
        assertThat(_get(Paragraph.class, spec -> spec.withId("sweep-budget")).getText()).startsWith("Budget: 2 trials x 1 epoch = 2 epochs");
        _click(_get(Button.class, spec -> spec.withId("start")));

        SweepView page = _get(SweepView.class);
        long sweepId = page.sweepId();
        // the page redraws on each trial's events, pushed while the test waits
        awaitUi(TestRuns.RUN_TIMEOUT, () -> trialRows().stream().noneMatch(Trial::active));

        assertThat(trialRows()).extracting(Trial::statusText).containsExactly("Finished", "Finished");
        assertThat(service.report(sweepId).orElseThrow().state()).isEqualTo(SweepReport.State.FINISHED);
        long best = service.report(sweepId).orElseThrow().best().orElseThrow().run().id();
        assertThat(_get(RouterLink.class, spec -> spec.withId("best-run")).getHref()).isEqualTo("runs/" + best);
        assertThat(_get(ChartJs.class, spec -> spec.withId("sweep-parallel")).getConfigJson())
                .contains("\"label\":\"Trial 1\"").contains("\"label\":\"Trial 2\"");
        assertThat(_get(ChartJs.class, spec -> spec.withId("sweep-curves")).getConfigJson()).contains("(best)");

        open("runs?sweep=" + sweepId);
        @SuppressWarnings("unchecked")
        Grid<RunRecord> runs = _get(Grid.class, spec -> spec.withId("runs-grid"));
        assertThat(GridKt._size(runs)).isEqualTo(2);
    }

    @Test
    void unknown_sweep_says_so() {
        open("sweeps/9999999");
        assertThat(_get(Paragraph.class, spec -> spec.withId("sweep-not-found")).getText())
                .isEqualTo("Sweep 9999999 was not found.");
    }
}
