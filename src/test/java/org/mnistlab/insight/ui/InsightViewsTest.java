package org.mnistlab.insight.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.dataset.ui.SampleView;
import org.mnistlab.playground.ModelChoice;
import org.mnistlab.playground.TestDigits;
import org.mnistlab.playground.ui.DrawView;
import org.mnistlab.playground.ui.DrawingPad;
import org.mnistlab.training.Architecture;

/** The insight screens on the server side: the explorer's map, a run's filters, map and closer look, the pad. */
class InsightViewsTest extends SpringAppTest {

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void the_pixel_map_places_the_test_split_and_a_click_opens_the_sample() {
        open("explore/mnist/test/map");

        EmbeddingMap map = _get(EmbeddingMap.class);
        awaitUi(Duration.ofMinutes(1), () -> map.shown() != null);
        assertThat(map.getElement().getAttribute("data-points")).isEqualTo("10000");
        assertThat(map.getElement().getProperty("points")).hasSize(4 * ((10 * 10000 + 2) / 3));
        assertThat(_get(Paragraph.class, spec -> spec.withId("map-note")).getText()).startsWith("PCA of 10,000");

        map.hover(3);
        int index = map.shown().indices()[3];
        assertThat(map.getElement().getProperty("caption")).startsWith("Test #" + index + ": ");
        assertThat(map.getElement().getProperty("thumbnail")).isNotEmpty();

        map.open(3);
        assertThat(location()).isEqualTo("explore/mnist/test/" + index);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(SampleView.class);
    }

    @Test
    void the_explorer_links_to_the_map_of_its_split() {
        open("explore?dataset=mnist&split=test");

        Anchor link = _get(Anchor.class, spec -> spec.withId("map-link"));
        awaitUi(Duration.ofMinutes(1), () -> !link.getHref().isEmpty());
        assertThat(link.getHref()).isEqualTo("explore/mnist/test/map");
    }

    @Test
    void an_unknown_dataset_gets_words_instead_of_a_map() {
        open("explore/kmnist/test/map");

        assertThat(_get(Paragraph.class, spec -> spec.withId("map-problem")).getText()).contains("Unknown dataset");
        assertThat(_find(EmbeddingMap.class)).isEmpty();
    }

    @Test
    void a_cnn_run_shows_its_kernels_its_feature_map_and_a_misclassified_image_inside() {
        long run = runs.tiny(Architecture.SIMPLE_CNN, 2000);
        open("runs/" + run);

        assertThat(_get(FiltersPanel.class).filtersShown()).isEqualTo(32);

        Div firstWrong = (Div) _get(Div.class, spec -> spec.withId("misclassified")).getChildren().findFirst()
                .orElseThrow();
        int trueLabel = Integer.parseInt(firstWrong.getElement().getAttribute("data-true"));
        ComponentUtil.fireEvent(firstWrong, new com.vaadin.flow.component.ClickEvent<>(firstWrong));
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("sample-insight-dialog"));
        SampleInsightPanel panel = _get(dialog, SampleInsightPanel.class);
        assertThat(panel.layersShown()).as("conv1, conv2, dense1").isEqualTo(3);
        assertThat(_get(panel, Div.class, spec -> spec.withId("saliency-true")).getElement().getAttribute("data-class"))
                .isEqualTo(String.valueOf(trueLabel));
        assertThat(_find(panel, Div.class, spec -> spec.withId("saliency-predicted"))).hasSize(1);
        dialog.close();

        _click(_get(Button.class, spec -> spec.withId("learned-map-button")));
        EmbeddingMap map = _get(EmbeddingMap.class);
        assertThat(map.getElement().getAttribute("data-points")).isEqualTo("10000");
        long wrong = java.util.stream.IntStream.range(0, map.shown().size()).filter(map.shown()::misclassified).count();
        assertThat(wrong).as("a tiny model gets some test images wrong").isPositive();
    }

    @Test
    void an_mlp_shows_its_first_dense_weights_as_digits() {
        long run = runs.tiny(Architecture.MLP, 2000);
        open("runs/" + run);

        FiltersPanel filters = _get(FiltersPanel.class);
        assertThat(filters.filtersShown()).isPositive();
        assertThat(_find(filters, Paragraph.class)).anySatisfy(p -> assertThat(p.getText()).startsWith("An MLP has no conv filters"));
    }

    @Test
    void the_pad_explains_a_drawing_with_a_heat_map_and_the_layers() {
        long run = runs.tiny(Architecture.SIMPLE_CNN, 2000);
        UI.getCurrent().navigate(DrawView.class);
        @SuppressWarnings("unchecked")
        Select<ModelChoice> picker = _get(Select.class, spec -> spec.withId("model-picker"));
        _setValue(picker, picker.getListDataView().getItems().filter(c -> c.runId() == run).findFirst().orElseThrow());
        SampleInsightPanel panel = _get(SampleInsightPanel.class);
        assertThat(panel.layersShown()).as("nothing drawn yet").isZero();

        var drawing = TestDigits.mnistOnPad(0);
        DrawingPad pad = _get(DrawingPad.class);
        ComponentUtil.fireEvent(pad, new DrawingPad.StrokeEndEvent(pad, true, drawing.toBase64(), drawing.width(),
                drawing.height(), 1, 1));

        assertThat(_find(panel, Div.class, spec -> spec.withId("saliency-predicted"))).hasSize(1);
        assertThat(_get(panel, Paragraph.class, spec -> spec.withId("saliency-explanation")).getText())
                .startsWith("Occlusion");
        assertThat(panel.layersShown()).isEqualTo(3);
        assertThat(_find(panel, Div.class, spec -> spec.withId("saliency-true"))).as("a drawing has no label").isEmpty();
    }
}
