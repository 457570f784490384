package org.mnistlab.dataset.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.KeyPressEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import elemental.json.Json;
import elemental.json.JsonArray;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.base.ui.FirstScreenInDocument;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;

/** The explorer grid, its filters, the charts, and getting from a thumbnail to the sample view. */
class ExplorerViewTest extends SpringAppTest {

    @BeforeEach
    void datasetsInMemory() {
        datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        datasets.samples(DatasetKind.FASHION_MNIST, Split.TRAIN);
    }

    @Test
    void opens_on_all_mnist_training_samples() {
        UI.getCurrent().navigate("");
        SampleGrid grid = _get(SampleGrid.class);
        assertThat(shownIndices(grid)).hasSize(60_000).startsWith(0, 1, 2).endsWith(59_999);
        assertThat(grid.rowCount()).isEqualTo(6_000);
        assertThat(_get(Span.class, s -> s.withId("explorer-summary")).getText()).isEqualTo("MNIST train: 60,000 samples");
    }

    @Test
    void rows_hold_ten_samples_so_every_column_count_the_css_picks_fills_its_lines() {
        open("explore?label=3"); // 6,131 threes: the last row holds one
        SampleGrid grid = _get(SampleGrid.class);
        assertThat(grid.rowCount()).isEqualTo(614);
        assertThat(grid.rows().limit(613)).allSatisfy(r -> assertThat(grid.indicesOf(r)).hasSize(10));
        assertThat(grid.indicesOf(grid.rows().skip(613).findFirst().orElseThrow())).hasSize(1);
    }

    @Test
    void switching_to_the_test_split_shows_its_10000_samples() {
        UI.getCurrent().navigate("explore");
        _setValue(splitChoice(), Split.TEST);
        assertThat(shownIndices(_get(SampleGrid.class))).hasSize(10_000);
        assertThat(_get(Span.class, s -> s.withId("explorer-summary")).getText()).isEqualTo("MNIST test: 10,000 samples");
    }

    @Test
    void filtering_by_label_shows_only_that_class() {
        UI.getCurrent().navigate("explore");
        _setValue(labelChoice(), 3);
        SampleGrid grid = _get(SampleGrid.class);
        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        int[] shown = shownIndices(grid);
        assertThat(shown).hasSize(6131);
        assertThat(Arrays.stream(shown).map(train::label)).containsOnly(3);
        assertThat(_get(Span.class, s -> s.withId("explorer-summary")).getText())
                .isEqualTo("MNIST train: 6,131 samples of 3 (of 60,000)");

        _setValue(labelChoice(), null);
        assertThat(shownIndices(grid)).hasSize(60_000);
    }

    @Test
    void fashion_mnist_shows_class_names() throws Exception {
        UI.getCurrent().navigate("explore");
        _setValue(datasetChoice(), DatasetKind.FASHION_MNIST);
        Select<Integer> labels = labelChoice();
        assertThat(labels.getItemLabelGenerator().apply(9)).isEqualTo("9 · Ankle boot");
        JsonNode chart = chartConfig();
        assertThat(chart.at("/data/labels/0").asText()).isEqualTo("T-shirt/top");
        assertThat(chart.at("/data/datasets/0/data/9").asInt()).isEqualTo(6000);
        assertThat(chart.at("/data/datasets/1/data/9").asInt()).isEqualTo(1000);
        assertThat(_get(Div.class, s -> s.withId("class-mean-8")).getTitle()).hasValueSatisfying(t -> assertThat(t).contains("Bag"));
    }

    /** The new thumbnails are the first screen of a switch; the old class charts must not stand beside them. */
    @Test
    void a_switch_hides_the_old_class_charts_until_the_new_ones_come_after_the_thumbnails() throws Exception {
        UI.getCurrent().navigate("explore");
        MockVaadin.clientRoundtrip(); // the browser drew the first screen: the charts come
        Div side = _get(Div.class, s -> s.withClasses("explorer-side"));
        assertThat(chartConfig().at("/data/labels/0").asText()).isEqualTo("0");
        Runnable browserDrawsTheThumbnails = holdFirstPaint();

        datasetChoice().setValue(DatasetKind.FASHION_MNIST);
        MockVaadin.runUIQueue();
        assertThat(_get(Span.class, s -> s.withId("explorer-summary")).getText()).startsWith("Fashion-MNIST train");
        assertThat(side.getStyle().get("visibility")).isEqualTo("hidden");
        assertThat(chartConfig().at("/data/labels/0").asText()).as("still MNIST's, hidden").isEqualTo("0");

        browserDrawsTheThumbnails.run();
        assertThat(side.getStyle().get("visibility")).isNull();
        assertThat(chartConfig().at("/data/labels/0").asText()).isEqualTo("T-shirt/top");
    }

    /** A label filter keeps the dataset and split, so the class charts stay as they are, shown. */
    @Test
    void a_label_filter_leaves_the_class_charts_shown() throws Exception {
        UI.getCurrent().navigate("explore");
        MockVaadin.clientRoundtrip();
        Div side = _get(Div.class, s -> s.withClasses("explorer-side"));
        Runnable browserDrawsTheThumbnails = holdFirstPaint();

        labelChoice().setValue(3);
        MockVaadin.runUIQueue();
        assertThat(_get(Span.class, s -> s.withId("explorer-summary")).getText()).contains("samples of 3");
        assertThat(side.getStyle().get("visibility")).isNull();

        datasetChoice().setValue(DatasetKind.FASHION_MNIST);
        MockVaadin.runUIQueue();
        datasetChoice().setValue(DatasetKind.MNIST); // back before Fashion-MNIST's charts came
        MockVaadin.runUIQueue();
        browserDrawsTheThumbnails.run();
        assertThat(side.getStyle().get("visibility")).as("MNIST's charts, still right, shown again").isNull();
        assertThat(chartConfig().at("/data/labels/0").asText()).isEqualTo("0");
    }

    @Test
    void distribution_chart_holds_the_true_counts_of_train_and_test() throws Exception {
        UI.getCurrent().navigate("explore");
        JsonNode chart = chartConfig();
        assertThat(chart.at("/type").asText()).isEqualTo("bar");
        assertThat(chart.at("/data/datasets/0/label").asText()).isEqualTo("train");
        assertThat(chart.at("/data/datasets/0/data/0").asInt()).isEqualTo(5923);
        assertThat(chart.at("/data/datasets/0/data/1").asInt()).isEqualTo(6742);
        assertThat(chart.at("/data/datasets/1/label").asText()).isEqualTo("test");
        assertThat(chart.at("/data/datasets/1/data/0").asInt()).isEqualTo(980);
    }

    @Test
    void query_parameters_choose_dataset_split_and_label() {
        open("explore?dataset=fashion-mnist&split=test&label=9");
        assertThat(datasetChoice().getValue()).isEqualTo(DatasetKind.FASHION_MNIST);
        assertThat(splitChoice().getValue()).isEqualTo(Split.TEST);
        assertThat(labelChoice().getValue()).isEqualTo(9);
        assertThat(shownIndices(_get(SampleGrid.class))).hasSize(1000);
    }

    @Test
    void clicking_a_mean_image_filters_by_its_class() {
        UI.getCurrent().navigate("explore");
        _click(_get(Div.class, s -> s.withId("class-mean-7")));
        assertThat(labelChoice().getValue()).isEqualTo(7);
        assertThat(shownIndices(_get(SampleGrid.class))).hasSize(6265);
    }

    @Test
    void clicking_a_thumbnail_opens_that_sample() throws Exception {
        open("explore?split=test");
        SampleGrid grid = _get(SampleGrid.class);
        SampleGrid.Row row = grid.rows().skip(4).findFirst().orElseThrow();
        int index = grid.indicesOf(row)[2];
        clickThumbnail(grid, row, index);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("explore/mnist/test/" + index);
        int label = datasets.samples(DatasetKind.MNIST, Split.TEST).label(index);
        assertThat(_get(Span.class, s -> s.withId("sample-label")).getText()).isEqualTo(String.valueOf(label));
    }

    @Test
    void go_to_sample_rejects_numbers_outside_the_split() {
        open("explore?split=test");
        IntegerField goTo = _get(IntegerField.class, s -> s.withId("go-to-sample"));
        _setValue(goTo, 20_000);
        pressEnter(goTo);
        assertThat(goTo.isInvalid()).isTrue();
        assertThat(goTo.getErrorMessage()).isEqualTo("0 to 9,999");

        _setValue(goTo, 9_000);
        pressEnter(goTo);
        assertThat(goTo.isInvalid()).isFalse();
    }

    @Test
    void the_page_s_document_pictures_the_selection_the_view_shows() throws Exception {
        open("explore?dataset=fashion-mnist&split=test&label=9");
        Document document = emptyPage();
        addFirstScreen(document);

        Element screen = document.body().child(0);
        assertThat(screen.id()).isEqualTo("first-screen");
        // Vaadin's initial state moved behind the first screen, so the browser parses the picture first
        assertThat(document.head().select("script[initial]")).hasSize(1);
        assertThat(document.body().children().last().data()).startsWith("window.Vaadin.TypeScript=");
        assertThat(screen.attr("aria-hidden")).isEqualTo("true");
        assertThat(screen.attr("data-replaced-when")).isEqualTo("#sample-grid mnist-digit[drawn]");
        assertThat(screen.select(".fs-field-value").eachText()).containsExactly("Fashion-MNIST", "test", "9 · Ankle boot");
        assertThat(screen.select(".explorer-summary").text())
                .isEqualTo(_get(Span.class, s -> s.withId("explorer-summary")).getText());
        LabeledImages test = datasets.samples(DatasetKind.FASHION_MNIST, Split.TEST);
        int[] shown = shownIndices(_get(SampleGrid.class));
        Elements cells = screen.select(".sample");
        assertThat(cells).hasSize(ExplorerView.FIRST_SCREEN_ROWS * SampleGrid.SAMPLES_PER_ROW);
        for (int i = 0; i < cells.size(); i++) {
            assertThat(cells.get(i).attr("data-index")).isEqualTo(String.valueOf(shown[i]));
            assertThat(cells.get(i).select(".sample-label").text()).isEqualTo("Ankle boot");
        }
        for (int i : new int[] {0, 37, cells.size() - 1}) {
            String src = cells.get(i).select("img.digit").attr("src");
            assertThat(src).startsWith("data:image/png;base64,");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
            byte[] ink = test.image(shown[i]);
            for (int p = 0; p < ink.length; p++) {
                assertThat(png.getRaster().getSample(p % 28, p / 28, 0)).as("pixel " + p + " of #" + shown[i])
                        .isEqualTo(255 - (ink[p] & 0xff));
            }
        }
    }

    @Test
    void no_first_screen_when_the_grid_opens_scrolled_to_a_sample() {
        open("explore?at=5000");
        assertThat(_get(ExplorerView.class).firstScreen()).isEmpty();
        Document document = emptyPage();
        addFirstScreen(document);
        assertThat(document.body().children()).extracting(Element::id).containsExactly("outlet");
        assertThat(document.head().select("script[initial]")).hasSize(2);
    }

    @Test
    void a_view_without_a_first_screen_leaves_the_document_alone() {
        open("explore/mnist/train/0");
        Document document = emptyPage();
        String before = document.outerHtml();
        addFirstScreen(document);
        assertThat(document.outerHtml()).isEqualTo(before);
    }

    /** What the app does to a page's document while Vaadin makes it for the current UI. */
    private static void addFirstScreen(Document document) {
        new FirstScreenInDocument().addFirstScreen(
                new IndexHtmlResponse(VaadinRequest.getCurrent(), VaadinResponse.getCurrent(), document, UI.getCurrent()));
    }

    private static Document emptyPage() {
        return Jsoup.parse("<html><head><script initial>window.oldBrowserCheck = 1</script>"
                + "<script initial>window.Vaadin.TypeScript= {}</script></head><body><div id=\"outlet\"></div></body></html>");
    }

    /** Calls the grid's client-side "open" function the way a click on the thumbnail does. */
    @SuppressWarnings("unchecked")
    private static void clickThumbnail(SampleGrid grid, SampleGrid.Row row, int index) throws Exception {
        Field callables = grid.renderer.getClass().getDeclaredField("clientCallables");
        callables.setAccessible(true);
        var open = ((Map<String, SerializableBiConsumer<SampleGrid.Row, JsonArray>>) callables.get(grid.renderer)).get("open");
        JsonArray args = Json.createArray();
        args.set(0, index);
        open.accept(row, args);
    }

    private static int[] shownIndices(SampleGrid grid) {
        return grid.rows().flatMapToInt(r -> Arrays.stream(grid.indicesOf(r))).toArray();
    }

    private static JsonNode chartConfig() throws Exception {
        ChartJs chart = _get(ChartJs.class, s -> s.withId("distribution-chart"));
        return new ObjectMapper().readTree(chart.getConfigJson());
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<DatasetKind> datasetChoice() {
        return _get(RadioButtonGroup.class, s -> s.withId("dataset-choice"));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<Split> splitChoice() {
        return _get(RadioButtonGroup.class, s -> s.withId("split-choice"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Integer> labelChoice() {
        return _get(Select.class, s -> s.withId("label-choice"));
    }

    private static void pressEnter(IntegerField field) {
        ComponentUtil.fireEvent(field, new KeyPressEvent(field, "Enter"));
    }
}
