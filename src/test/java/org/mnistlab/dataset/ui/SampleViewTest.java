package org.mnistlab.dataset.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;

/** The sample detail view reached by deep link: right label, pixel table, previous/next, bad links. */
class SampleViewTest extends SpringAppTest {

    /** The views render at once only when the dataset is in memory; a fresh context may still be loading it. */
    @BeforeEach
    void loadMnist() {
        datasets.samples(DatasetKind.MNIST, Split.TRAIN);
    }

    private String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    @Test
    void deep_link_shows_the_sample_with_its_label() {
        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        UI.getCurrent().navigate("explore/mnist/train/1234");
        assertThat(_get(Span.class, s -> s.withId("sample-label")).getText()).isEqualTo(String.valueOf(train.label(1234)));
        assertThat(_get(Span.class, s -> s.withId("label-badge")).getElement().getTextRecursively())
                .isEqualTo("Label " + train.label(1234));
        assertThat(_get(Span.class, s -> s.withId("split-badge")).getText()).isEqualTo("train");
        assertThat(_get(com.vaadin.flow.component.html.H2.class, s -> s.withId("sample-title")).getText())
                .isEqualTo("Sample #1234");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("MNIST train #1234 · MNIST Lab");
    }

    @Test
    void the_first_training_image_is_the_famous_five_with_its_pixel_values() {
        UI.getCurrent().navigate("explore/mnist/train/0");
        assertThat(_get(Span.class, s -> s.withId("sample-label")).getText()).isEqualTo("5");
        PixelHeatMap heatMap = _get(PixelHeatMap.class);
        String html = heatMap.getElement().getOuterHTML();
        assertThat(html.split("class=\"hm-cell")).hasSize(785); // 784 cells
        assertThat(html).contains("title=\"row 5, col 21: 255\">255<");
        assertThat(html).contains("title=\"row 0, col 0: 0\">0<");
    }

    @Test
    void fashion_samples_show_their_class_name() {
        LabeledImages test = datasets.samples(DatasetKind.FASHION_MNIST, Split.TEST);
        UI.getCurrent().navigate("explore/fashion-mnist/test/0");
        int label = test.label(0);
        assertThat(_get(Span.class, s -> s.withId("label-badge")).getElement().getTextRecursively())
                .isEqualTo("Label " + label + " · " + DatasetKind.FASHION_MNIST.className(label));
    }

    @Test
    void next_and_previous_walk_the_split() {
        UI.getCurrent().navigate("explore/mnist/test/41");
        _click(_get(Button.class, s -> s.withId("next-sample")));
        assertThat(path()).isEqualTo("explore/mnist/test/42");
        _click(_get(Button.class, s -> s.withId("prev-sample")));
        _click(_get(Button.class, s -> s.withId("prev-sample")));
        assertThat(path()).isEqualTo("explore/mnist/test/40");

        UI.getCurrent().navigate("explore/mnist/test/0");
        assertThat(_get(Button.class, s -> s.withId("prev-sample")).isEnabled()).isFalse();
        UI.getCurrent().navigate("explore/mnist/test/9999");
        assertThat(_get(Button.class, s -> s.withId("next-sample")).isEnabled()).isFalse();
    }

    @Test
    void with_a_label_filter_next_goes_to_the_next_sample_of_that_class() {
        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        int[] threes = train.indicesOf(3);
        open("explore/mnist/train/" + threes[10] + "?label=3");
        _click(_get(Button.class, s -> s.withId("next-sample")));
        assertThat(path()).isEqualTo("explore/mnist/train/" + threes[11] + "?label=3");
        assertThat(_get(Span.class, s -> s.withId("sample-label")).getText()).isEqualTo("3");
        assertThat(_get(Anchor.class, s -> s.withId("back-to-grid")).getHref())
                .isEqualTo("explore?dataset=mnist&split=train&label=3&at=" + threes[11]);
    }

    @Test
    void a_sample_number_outside_the_split_gets_a_clear_message() {
        UI.getCurrent().navigate("explore/mnist/train/70000");
        assertThat(_get(Span.class, s -> s.withId("sample-error")).getText())
                .isEqualTo("There is no sample #70000: MNIST train has 60,000 samples (0 to 59,999).");
    }

    @Test
    void an_unknown_dataset_or_split_gets_a_clear_message() {
        UI.getCurrent().navigate("explore/cifar/train/1");
        assertThat(_get(Span.class, s -> s.withId("sample-error")).getText())
                .isEqualTo("Unknown dataset 'cifar': use mnist or fashion-mnist");
        UI.getCurrent().navigate("explore/mnist/validation/1");
        assertThat(_get(Span.class, s -> s.withId("sample-error")).getText())
                .isEqualTo("Unknown split 'validation': use train or test");
        UI.getCurrent().navigate("explore/mnist/train/abc");
        assertThat(_get(Span.class, s -> s.withId("sample-error")).getText()).isEqualTo("'abc' is not a sample number");
    }
}
