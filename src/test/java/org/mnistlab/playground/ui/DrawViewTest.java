package org.mnistlab.playground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import org.mnistlab.playground.EnsembleMode;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mnistlab.playground.DigitPreprocessor;
import org.mnistlab.playground.GrayImage;
import org.mnistlab.playground.ModelChoice;
import org.mnistlab.playground.MyDigitsService;
import org.mnistlab.SpringAppTest;
import org.mnistlab.playground.Predictor;
import org.mnistlab.playground.TestDigits;
import org.mnistlab.training.Architecture;
import org.springframework.beans.factory.annotation.Autowired;

/** The draw view on the server side (Karibu), with models trained by the real engine. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrawViewTest extends SpringAppTest {

    @Autowired
    Predictor predictor;

    @Autowired
    DigitPreprocessor preprocessor;

    @Autowired
    MyDigitsService myDigits;


    @Test
    @Order(1)
    void without_a_trained_model_it_links_to_the_configurator_and_still_preprocesses() {
        runs.deleteAll();
        UI.getCurrent().navigate(DrawView.class);

        Div notice = _get(Div.class, spec -> spec.withId("no-model"));
        assertThat(_get(notice, Anchor.class).getHref()).isEqualTo("train");
        assertThat(_find(Select.class, spec -> spec.withId("model-picker"))).isEmpty();

        draw(TestDigits.mnistOnPad(0));
        assertThat(_get(Div.class, spec -> spec.withId("preprocessing-steps")).isVisible()).isTrue();
        assertThat(message()).startsWith("No trained model yet");
    }

    @Test
    @Order(2)
    void an_empty_pad_asks_for_a_digit_and_cannot_be_saved() {
        runs.tiny(Architecture.MLP, 2000);
        UI.getCurrent().navigate(DrawView.class);

        assertThat(_get(Span.class, spec -> spec.withId("steps-empty")).getText()).isEqualTo("Draw a digit on the pad");
        assertThat(message()).isEqualTo("Draw a digit on the pad");
        draw(GrayImage.blank(140, 140));
        assertThat(topClass()).isEqualTo("–");

        _setValue(_get(Select.class, spec -> spec.withId("true-label")), 3);
        _click(_get(Button.class, spec -> spec.withId("save-digit")));
        NotificationsKt.expectNotifications("Draw a digit first");
    }

    @Test
    @Order(3)
    void a_drawing_is_classified_by_the_best_model_with_every_step_shown() {
        runs.tiny(Architecture.LOGISTIC, 500);
        runs.tiny(Architecture.MLP, 2000);
        UI.getCurrent().navigate(DrawView.class);
        @SuppressWarnings("unchecked")
        Select<ModelChoice> picker = _get(Select.class, spec -> spec.withId("model-picker"));
        assertThat(picker.getValue().runId()).isEqualTo(predictor.defaultModel().orElseThrow().runId());

        GrayImage drawing = TestDigits.mnistOnPad(0);
        draw(drawing);

        int expected = predictor.predict(picker.getValue().runId(),
                preprocessor.process(drawing).networkInput()).digit();
        assertThat(topClass()).isEqualTo(String.valueOf(expected));
        for (String step : new String[] {"step-raw", "step-cropped", "step-fitted", "step-centered"}) {
            Image image = _get(_get(Div.class, spec -> spec.withId(step)), Image.class);
            assertThat(image.getSrc()).startsWith("data:image/png;base64,");
        }
    }

    @Test
    @Order(4)
    void a_run_whose_model_file_is_missing_is_listed_and_explains_itself() throws IOException {
        long run = runs.freshTiny("file deleted for the view test");
        Files.delete(store.modelFile(run).orElseThrow());
        UI.getCurrent().navigate(DrawView.class);
        @SuppressWarnings("unchecked")
        Select<ModelChoice> picker = _get(Select.class, spec -> spec.withId("model-picker"));
        ModelChoice missing = picker.getListDataView().getItems().filter(c -> c.runId() == run).findFirst().orElseThrow();
        assertThat(picker.getItemLabelGenerator().apply(missing)).endsWith("(model file missing)");

        _setValue(picker, missing);
        draw(TestDigits.mnistOnPad(1));

        assertThat(message()).contains("model file of run #" + run + " is missing");
        assertThat(topClass()).isEqualTo("–");
    }

    @Test
    @Order(5)
    void compare_mode_shows_each_model_and_their_ensemble() {
        long a = runs.tiny(Architecture.LOGISTIC, 500);
        long b = runs.tiny(Architecture.MLP, 2000);
        UI.getCurrent().navigate(DrawView.class);
        _setValue(_get(Checkbox.class, spec -> spec.withId("compare-toggle")), true);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<ModelChoice> models = _get(MultiSelectComboBox.class, spec -> spec.withId("compare-picker"));
        Set<ModelChoice> chosen = Set.copyOf(models.getListDataView().getItems()
                .filter(c -> c.runId() == a || c.runId() == b).toList());
        _setValue(models, chosen);

        GrayImage drawing = TestDigits.mnistOnPad(2);
        draw(drawing);

        Div results = _get(Div.class, spec -> spec.withId("compare-results"));
        assertThat(_find(results, Div.class, spec -> spec.withClasses("compare-card")))
                .as("each card names its run by id: re-runs share a name")
                .extracting(card -> card.getElement().getTextRecursively())
                .anySatisfy(text -> assertThat(text).startsWith("#" + a + " "))
                .anySatisfy(text -> assertThat(text).startsWith("#" + b + " "));
        int ensemble = predictor.compare(java.util.List.of(a, b), preprocessor.process(drawing).networkInput())
                .ensembleDigit();
        assertThat(topClass()).isEqualTo(String.valueOf(ensemble));
        assertThat(_get(Span.class, spec -> spec.withId("top-confidence")).getText()).contains("average of 2");
    }

    @Test
    @Order(5)
    void an_ensembles_address_opens_the_pad_comparing_its_runs_by_the_mode_named() {
        long a = runs.tiny(Architecture.LOGISTIC, 500);
        long b = runs.tiny(Architecture.MLP, 2000);

        open("draw?compare=" + a + "," + b + "&mode=majority");

        assertThat(_get(Checkbox.class, spec -> spec.withId("compare-toggle")).getValue()).isTrue();
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<ModelChoice> models = _get(MultiSelectComboBox.class, spec -> spec.withId("compare-picker"));
        assertThat(models.getValue()).extracting(ModelChoice::runId).containsExactlyInAnyOrder(a, b);
        assertThat(_get(RadioButtonGroup.class, spec -> spec.withId("ensemble-mode")).getValue())
                .isEqualTo(EnsembleMode.MAJORITY);
        assertThat(DrawView.compareParameters(java.util.List.of(a, b), EnsembleMode.MAJORITY).getParameters())
                .containsEntry("compare", java.util.List.of(a + "," + b))
                .containsEntry("mode", java.util.List.of("majority"));
    }

    @Test
    @Order(6)
    void saves_a_labelled_digit_into_the_gallery_and_evaluates_a_model_on_my_digits() {
        runs.tiny(Architecture.MLP, 2000);
        UI.getCurrent().navigate(DrawView.class);
        int before = myDigits.count();

        draw(TestDigits.mnistOnPad(3));
        _setValue(_get(Select.class, spec -> spec.withId("true-label")), TestDigits.label(3));
        _click(_get(Button.class, spec -> spec.withId("save-digit")));

        NotificationsKt.expectNotifications("Saved as a " + TestDigits.label(3));
        assertThat(myDigits.count()).isEqualTo(before + 1);
        Div gallery = _get(Div.class, spec -> spec.withId("my-digits-gallery"));
        assertThat(_find(gallery, Div.class, spec -> spec.withClasses("my-digit"))).hasSize(before + 1);

        _click(_get(Button.class, spec -> spec.withId("evaluate-my-digits")));
        Div result = _get(Div.class, spec -> spec.withId("my-digits-result"));
        assertThat(_find(result, Span.class).get(0).getText()).matches("#\\d+ .*: \\d+ of " + (before + 1) + " right \\(.*%\\)");
    }

    @Test
    @Order(7)
    void runs_that_share_a_name_are_told_apart_by_their_ids_in_the_picker_the_cards_and_my_digits_results() {
        long first = runs.freshTiny("twin");
        long second = runs.freshTiny("twin");
        UI.getCurrent().navigate(DrawView.class);
        @SuppressWarnings("unchecked")
        Select<ModelChoice> picker = _get(Select.class, spec -> spec.withId("model-picker"));
        assertThat(picker.getListDataView().getItems().filter(c -> c.runId() == first || c.runId() == second)
                .map(picker.getItemLabelGenerator()))
                .anySatisfy(label -> assertThat(label).startsWith("#" + first + " twin"))
                .anySatisfy(label -> assertThat(label).startsWith("#" + second + " twin"));

        _setValue(_get(Checkbox.class, spec -> spec.withId("compare-toggle")), true);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<ModelChoice> models = _get(MultiSelectComboBox.class, spec -> spec.withId("compare-picker"));
        _setValue(models, Set.copyOf(models.getListDataView().getItems()
                .filter(c -> c.runId() == first || c.runId() == second).toList()));
        draw(TestDigits.mnistOnPad(4));
        assertThat(_find(_get(Div.class, spec -> spec.withId("compare-results")), Div.class,
                spec -> spec.withClasses("compare-card")))
                .extracting(card -> card.getElement().getTextRecursively())
                .anySatisfy(text -> assertThat(text).startsWith("#" + first + " twin"))
                .anySatisfy(text -> assertThat(text).startsWith("#" + second + " twin"));

        _click(_get(Button.class, spec -> spec.withId("evaluate-my-digits")));
        assertThat(_find(_get(Div.class, spec -> spec.withId("my-digits-result")), Span.class))
                .extracting(Span::getText)
                .anySatisfy(text -> assertThat(text).startsWith("#" + first + " twin: "))
                .anySatisfy(text -> assertThat(text).startsWith("#" + second + " twin: "));
    }

    private int seq;

    private void draw(GrayImage image) {
        DrawingPad pad = _get(DrawingPad.class);
        ComponentUtil.fireEvent(pad, new DrawingPad.StrokeEndEvent(pad, true, image.toBase64(), image.width(),
                image.height(), 1, ++seq));
        assertThat(pad.getElement().getProperty("processedSeq", 0)).isEqualTo(seq);
    }

    private static String topClass() {
        return _get(Div.class, spec -> spec.withId("top-class")).getText();
    }

    private static String message() {
        return _get(Span.class, spec -> spec.withId("prediction-message")).getText();
    }
}
