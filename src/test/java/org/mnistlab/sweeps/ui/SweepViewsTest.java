package org.mnistlab.sweeps.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.runs.RunSeeder;
import org.mnistlab.runs.ui.RunConfigForm;
import org.mnistlab.security.Role;
import org.mnistlab.sweeps.Sweep;
import org.mnistlab.sweeps.SweepReport;
import org.mnistlab.sweeps.SweepService;
import org.mnistlab.sweeps.SweepSpec;
import org.mnistlab.sweeps.SweepStrategy;
import org.mnistlab.sweeps.SweptSetting;
import org.mnistlab.sweeps.Trial;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.PresetStore;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.SavedPreset;
import org.springframework.beans.factory.annotation.Autowired;

class SweepViewsTest extends SpringAppTest {

    @RegisterExtension
    final RunSeeder seeder = new RunSeeder();

    @Autowired
    SweepService service;
    @Autowired
    PresetStore presets;

    @AfterEach
    void deletePresets() {
        presets.list().forEach(p -> presets.delete(p.id()));
    }

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
        assertThat(_get(ParallelCoordinates.class).getElement().getProperty("data"))
                .contains("\"id\":1").contains("\"id\":2").contains("\"log\":false");

        ParallelCoordinates parallel = _get(ParallelCoordinates.class);
        ComponentUtil.fireEvent(parallel, new ParallelCoordinates.SelectionEvent(parallel, true, true, "2"));
        assertThat(trialRows()).extracting(Trial::number).containsExactly(2);
        ComponentUtil.fireEvent(parallel, new ParallelCoordinates.SelectionEvent(parallel, true, true, ""));
        assertThat(trialRows()).isEmpty();
        ComponentUtil.fireEvent(parallel, new ParallelCoordinates.SelectionEvent(parallel, true, false, ""));
        assertThat(trialRows()).extracting(Trial::number).containsExactly(1, 2);
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

    @Test
    void saves_the_best_configuration_as_a_preset_the_configurator_offers_and_refuses_a_taken_name() {
        RunConfig base = TestRuns.quick(Architecture.LOGISTIC, 500, 1);
        Sweep sweep = service.start(new SweepSpec("presets", base,
                List.of(SweptSetting.parse(RunSetting.LEARNING_RATE, "0.01, 0.000001")), SweepStrategy.GRID, 0, 1, null));
        await().atMost(TestRuns.RUN_TIMEOUT)
                .until(() -> service.report(sweep.id()).orElseThrow().state() != SweepReport.State.RUNNING);
        RunConfig best = service.report(sweep.id()).orElseThrow().best().orElseThrow().config();

        open("sweeps/" + sweep.id());
        TextField name = field("preset-name");
        assertThat(name.getValue()).isEqualTo("Best of sweep #" + sweep.id());
        _setValue(name, "Fast logistic");
        _click(_get(Button.class, spec -> spec.withId("save-preset")));
        assertThat(name.isInvalid()).isFalse();
        SavedPreset saved = presets.list().stream().filter(p -> p.name().equals("Fast logistic")).findFirst().orElseThrow();
        assertThat(saved.config()).isEqualTo(best.toBuilder().name("").build());
        assertThat(saved.owner()).isEqualTo("admin");

        _setValue(name, "fast LOGISTIC");
        _click(_get(Button.class, spec -> spec.withId("save-preset")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("A preset named “fast LOGISTIC” already exists; choose another name");

        open("train");
        Button offered = _get(Button.class, spec -> spec.withId("preset-saved-" + saved.id()));
        assertThat(offered.getText()).isEqualTo("Fast logistic");
        _click(offered);
        assertThat(_get(RunConfigForm.class).getConfig().learningRate()).isEqualTo(best.learningRate());
        assertThat(_get(RunConfigForm.class).getConfig().architecture()).isEqualTo(Architecture.LOGISTIC);
    }

    @Test
    void viewers_see_no_save_as_preset() {
        Sweep sweep = service.start(new SweepSpec("viewer", TestRuns.quick(Architecture.LOGISTIC, 500, 1),
                List.of(SweptSetting.parse(RunSetting.LEARNING_RATE, "0.01, 0.001")), SweepStrategy.GRID, 0, 1, null));
        await().atMost(TestRuns.RUN_TIMEOUT)
                .until(() -> service.report(sweep.id()).orElseThrow().state() != SweepReport.State.RUNNING);
        loginAs("viewer-1", Role.VIEWER);
        open("sweeps/" + sweep.id());
        assertThat(_get(RouterLink.class, spec -> spec.withId("best-run"))).isNotNull();
        assertThat(_find(Button.class, spec -> spec.withId("save-preset"))).isEmpty();
    }
}
