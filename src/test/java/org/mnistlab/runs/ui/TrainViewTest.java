package org.mnistlab.runs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.base.ui.Format;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.Augmentation;
import org.mnistlab.training.LayerSummary;
import org.mnistlab.training.ModelCatalog;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunPreset;
import org.mnistlab.training.RunRecord;
import org.springframework.beans.factory.annotation.Autowired;

/** The configurator over the real engine: layer table, augmentation preview, Start, clone from a run. */
class TrainViewTest extends SpringAppTest {

    @Autowired
    RunStore store;
    @Autowired
    ModelCatalog catalog;

    @AfterEach
    void cancelLeftovers() {
        queue.activeRuns().forEach(r -> queue.cancel(r.id()));
    }

    private TrainView open() {
        UI.getCurrent().navigate("train");
        return _get(TrainView.class);
    }

    @SuppressWarnings("unchecked")
    private static List<LayerSummary> layerRows() {
        Grid<LayerSummary> grid = _get(Grid.class, spec -> spec.withId("layer-table"));
        return GridKt._fetch(grid, 0, 100);
    }

    private static List<String> previewSources() {
        Div preview = _get(Div.class, spec -> spec.withId("augmentation-preview"));
        return _find(preview, Image.class).stream().map(Image::getSrc).toList();
    }

    @Test
    void shows_the_layer_table_of_the_chosen_model() {
        open();
        _click(_get(Button.class, spec -> spec.withId("preset-simple-cnn")));

        RunConfig cnn = RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST);
        assertThat(layerRows()).isEqualTo(catalog.summarize(cnn).layers());
        assertThat(_get(Span.class, spec -> spec.withId("parameter-total")).getText())
                .isEqualTo("Total: " + Format.count(catalog.summarize(cnn).totalParameters())
                        + " trainable parameters");

        _click(_get(Button.class, spec -> spec.withId("preset-baseline-mlp")));
        assertThat(layerRows()).isEqualTo(catalog.summarize(RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST)).layers());
    }

    @Test
    void the_augmentation_preview_follows_the_settings_and_draws_new_samples() {
        open();
        int row = AugmentationPreview.VARIANTS + 1;
        List<String> plain = previewSources(); // PNG data URLs: equal pixels give equal sources
        assertThat(plain).hasSize(AugmentationPreview.SAMPLES * row);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(plain.get(i)).as("augmentation off: copies equal the original").isEqualTo(plain.get(i / row * row));
        }

        _setValue(_get(TextField.class, spec -> spec.withId("field-augmentation-maxRotationDegrees")), "30");
        _setValue(_get(TextField.class, spec -> spec.withId("field-augmentation-maxShiftPixels")), "3");
        List<String> augmented = previewSources();
        int changed = 0;
        for (int i = 0; i < augmented.size(); i++) {
            String original = augmented.get(i / row * row);
            assertThat(original).as("same samples").isEqualTo(plain.get(i / row * row));
            if (i % row != 0 && !augmented.get(i).equals(original)) {
                changed++;
            }
        }
        assertThat(changed).as("augmented copies that differ from their original")
                .isGreaterThan(AugmentationPreview.SAMPLES * AugmentationPreview.VARIANTS / 2);

        _click(_get(Button.class, spec -> spec.withId("new-samples")));
        assertThat(previewSources().get(0)).isNotEqualTo(plain.get(0));
    }

    @Test
    void start_submits_the_run_and_opens_its_dashboard() {
        open();
        _setValue(_get(TextField.class, spec -> spec.withId("field-trainSubset")), "1000");
        _setValue(_get(TextField.class, spec -> spec.withId("field-epochs")), "1");

        _click(_get(Button.class, spec -> spec.withId("start")));

        LiveRunView dashboard = _get(LiveRunView.class);
        assertThat(dashboard).isNotNull();
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        long id = Long.parseLong(path.replaceAll("runs/(\\d+)/live", "$1"));
        RunRecord run = store.findById(id).orElseThrow();
        assertThat(run.config().trainSubset()).isEqualTo(1000);
        assertThat(run.name()).isEqualTo(run.config().settingsName());
    }

    @Test
    void from_parameter_prefills_the_form_with_a_stored_runs_settings_seed_included() {
        // a seed beyond int (and beyond a double's exact integers) must survive the store and the form
        long seed = Long.MAX_VALUE - 2;
        RunConfig stored = RunPreset.REGULARIZED_CNN_AUGMENTED.config(DatasetKind.MNIST).toBuilder().trainSubset(500)
                .epochs(1).seed(seed).name("source run").build();
        RunRecord source = queue.submit(stored);
        queue.cancel(source.id());

        UI.getCurrent().navigate("train", QueryParameters.simple(Map.of("from", String.valueOf(source.id()))));

        RunConfigForm form = _get(RunConfigForm.class);
        assertThat(form.getConfig()).isEqualTo(stored.toBuilder().name("").build());
        assertThat(form.getConfig().augmentation()).isEqualTo(new Augmentation(10, 2, 0.1));
        assertThat(form.getConfig().seed()).isEqualTo(seed);
        assertThat(form.seed.getValue()).isEqualTo("9223372036854775805");
        assertThat(_get(Span.class, spec -> spec.withId("cloned-from")).getText()).contains("#" + source.id());
    }
}
