package org.mnistlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.mnistlab.base.FirstPageWarmUp;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.e2e.pages.ExplorerPage;
import org.mnistlab.e2e.pages.SamplePage;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dataset explorer in a real browser against the real app and MNIST: switching split and label,
 * scrolling deep into 60,000 thumbnails, opening samples by click and by deep link, and the distribution
 * chart's drawn counts. How fast thumbnails appear is measured by {@code ExplorerBenchmarkIT}.
 */
class ExplorerIT extends BrowserTest {

    @Autowired
    DatasetService datasets;
    @Autowired
    FirstPageWarmUp warmUp;

    /** Pages carry their first view (a screen of thumbnails): a browser that accepts gzip gets them compressed. */
    @Test
    void pages_are_sent_compressed_to_a_browser_that_accepts_gzip() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base() + "/login"))
                        .header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var html = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(html.readAllBytes(), StandardCharsets.UTF_8)).contains("<html");
        }
    }

    /** Before it reported ready the app served its first page, its entry script and the runs list to itself. */
    @Test
    void the_app_served_its_first_page_to_itself_before_it_reported_ready() {
        // served as a viewer through the warm-up's secret: the explorer at /, not the login page
        assertThat(warmUp.served()).extracting(FirstPageWarmUp.Served::status).containsOnly(200);
        assertThat(warmUp.served().get(0).path()).isEqualTo("/");
        assertThat(warmUp.served().get(1).path()).startsWith("/VAADIN/build/indexhtml-").endsWith(".js");
        assertThat(warmUp.served()).extracting(FirstPageWarmUp.Served::path).contains("/runs");
    }

    @Test
    void landing_page_shows_thumbnails_and_the_true_class_distribution() {
        ExplorerPage explorer = new ExplorerPage(page);
        explorer.openAndMeasure(base(), "/");
        explorer.waitForQuery(Map.of("dataset", "mnist", "split", "train"));

        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        List<List<Object>> shown = explorer.visibleSamples();
        assertThat(shown.get(0)).containsExactly(0, "5");
        for (List<Object> sample : shown) {
            int index = ((Number) sample.get(0)).intValue();
            assertThat(sample.get(1)).isEqualTo(String.valueOf(train.label(index)));
        }
        explorer.waitForSummary("MNIST train: 60,000 samples");

        Map<String, Object> chart = explorer.distributionChartData();
        assertThat(chart.get("labels")).isEqualTo(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        assertThat(chart.get("series")).isEqualTo(List.of("train", "test"));
        List<?> values = (List<?>) chart.get("values");
        assertThat(numbers(values.get(0))).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(numbers(values.get(1))).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        assertThat(explorer.classMean(9)).isVisible();
        assertThat(page.evaluate("() => performance.getEntriesByType('resource').filter(r => r.name.includes('v-r=init')).length"))
                .as("the first view came with the document, not in an init request").isEqualTo(0);
        screenshot("landing");
    }

    /** Thumbnails are drawn in the browser from the bytes the row carries: each must be its sample, pixel for pixel. */
    @Test
    void a_thumbnail_shows_its_sample_pixel_for_pixel() {
        ExplorerPage explorer = new ExplorerPage(page);
        explorer.openAndMeasure(base(), "/explore");
        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        for (int index : new int[] {0, 7, 23}) {
            assertThat(explorer.thumbnailGrays(index).stream().mapToInt(Number::intValue).toArray())
                    .as("sample #" + index).containsExactly(grays(train.image(index)));
        }
    }

    /**
     * The page's document carries the explorer's first screen as plain HTML: with Vaadin's scripts blocked
     * (the client never starts), a screen of thumbnails is there, each its sample pixel for pixel.
     */
    @Test
    void the_document_shows_a_screen_of_thumbnails_before_vaadin_starts() {
        page.route("**/VAADIN/build/**", Route::abort);
        page.navigate(base() + "/explore");
        List<List<Object>> cells = firstScreenCells();
        assertThat(page.locator("#sample-grid")).hasCount(0); // no view: what shows is the document's own HTML
        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        assertThat(cells).hasSize(80); // 8 rows of 10
        for (int i = 0; i < cells.size(); i++) {
            List<Object> cell = cells.get(i);
            assertThat(((Number) cell.get(0)).intValue()).isEqualTo(i);
            assertThat(cell.get(1)).isEqualTo(String.valueOf(train.label(i)));
            assertThat(((Number) cell.get(2)).intValue()).as("decoded width of #" + i).isEqualTo(28);
            assertThat(((Number) cell.get(3)).doubleValue()).as("shown width of #" + i).isGreaterThanOrEqualTo(40);
        }
        ExplorerPage explorer = new ExplorerPage(page);
        for (int index : new int[] {0, 7, 23}) {
            assertThat(explorer.firstScreenGrays(index).stream().mapToInt(Number::intValue).toArray())
                    .as("sample #" + index).containsExactly(grays(train.image(index)));
        }
        assertThat(page.locator("#first-screen .explorer-summary")).hasText("MNIST train: 60,000 samples");
    }

    /**
     * Once the view has drawn its thumbnails the first screen is gone, and every thumbnail appeared where its
     * picture was: nothing moves when the view takes over (desktop and phone widths).
     */
    @Test
    void the_view_replaces_the_first_screen_without_moving_a_thumbnail() {
        // notes, in the page, whether the view's thumbnails were drawn when the first screen went away
        page.addInitScript("""
                window.__firstScreen = {};
                new MutationObserver(() => {
                  if (document.getElementById('first-screen')) window.__firstScreen.seen = true;
                  else if (window.__firstScreen.seen && !('removedWithView' in window.__firstScreen)) {
                    window.__firstScreen.removedWithView = !!document.querySelector('#sample-grid mnist-digit[drawn]');
                    window.__firstScreen.removedAt = performance.now();
                  }
                }).observe(document, { subtree: true, childList: true });""");
        for (int[] size : new int[][] {{1280, 800}, {400, 800}}) {
            page.setViewportSize(size[0], size[1]);
            page.route("**/VAADIN/build/**", Route::abort);
            page.navigate(base() + "/explore?split=test");
            firstScreenCells();
            List<Object> pictured = rects("#first-screen", "img.digit");
            page.unroute("**/VAADIN/build/**");

            page.navigate(base() + "/explore?split=test");
            page.waitForSelector("#first-screen", new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.DETACHED));
            page.waitForFunction("() => document.querySelectorAll('#sample-grid mnist-digit[drawn]').length >= 20");
            Map<?, ?> removal = (Map<?, ?>) page.evaluate("() => window.__firstScreen");
            assertThat(removal.get("removedWithView")).as("the view's thumbnails drawn when it went").isEqualTo(true);
            assertThat(((Number) removal.get("removedAt")).doubleValue()).as("before the 10 s fallback").isLessThan(9000);
            List<Object> drawn = rects("#sample-grid", "mnist-digit");
            for (int i = 0; i < 20; i++) {
                List<?> was = (List<?>) pictured.get(i);
                List<?> now = (List<?>) drawn.get(i);
                for (int k = 0; k < 4; k++) {
                    assertThat(((Number) now.get(k)).doubleValue()).as(size[0] + " px, thumbnail " + i + ", edge " + k)
                            .isCloseTo(((Number) was.get(k)).doubleValue(), within(1.0));
                }
            }
        }
    }

    /** The first screen's cells once its images are decoded: [index, label, decoded width, shown width]. */
    @SuppressWarnings("unchecked")
    private List<List<Object>> firstScreenCells() {
        return (List<List<Object>>) page.waitForFunction("""
                () => {
                  const cells = [...document.querySelectorAll('#first-screen .sample')];
                  if (cells.length === 0 || cells.some(c => !c.querySelector('img').complete)) return null;
                  return cells.map(c => { const image = c.querySelector('img');
                    return [Number(c.dataset.index), c.querySelector('.sample-label').textContent,
                            image.naturalWidth, image.getBoundingClientRect().width]; });
                }""").jsonValue();
    }

    /** Where the thumbnails of the test split's samples 0-19 are: [left, top, width, height] each. */
    @SuppressWarnings("unchecked")
    private List<Object> rects(String grid, String image) {
        // once the fonts are in and two frames apart give the same boxes: a box read while the page still settles
        // (a font arriving, a part of the view coming in) is not where a person sees the thumbnail
        return (List<Object>) page.evaluate("""
                async ([grid, image]) => {
                  const read = () => Array.from({ length: 20 }, (_, i) => {
                    const r = document.querySelector(`${grid} .sample[data-index="${i}"] ${image}`).getBoundingClientRect();
                    return [r.left, r.top, r.width, r.height];
                  });
                  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
                  await document.fonts.ready;
                  let boxes = read();
                  for (let tries = 0; tries < 60; tries++) {
                    await frames();
                    const again = read();
                    if (JSON.stringify(again) === JSON.stringify(boxes)) return again;
                    boxes = again;
                  }
                  return boxes;
                }""", List.of(grid, image));
    }

    /** Gray levels as a browser shows a sample: dark ink on light. */
    private static int[] grays(byte[] ink) {
        int[] grays = new int[ink.length];
        for (int p = 0; p < ink.length; p++) {
            grays[p] = 255 - (ink[p] & 0xff);
        }
        return grays;
    }

    @Test
    void switching_split_and_label_filters_the_grid() {
        ExplorerPage explorer = new ExplorerPage(page);
        explorer.openAndMeasure(base(), "/explore");
        explorer.chooseSplit("test").waitForSummary("MNIST test: 10,000 samples");
        LabeledImages test = datasets.samples(DatasetKind.MNIST, Split.TEST);
        explorer.waitForFirstSample(0, String.valueOf(test.label(0)));

        explorer.chooseLabel("7").waitForSummary("MNIST test: 1,028 samples of 7");
        explorer.waitForFirstSample(test.indicesOf(7)[0], "7");
        List<List<Object>> shown = explorer.visibleSamples();
        assertThat(shown).hasSizeGreaterThanOrEqualTo(50).allSatisfy(s -> assertThat(s.get(1)).isEqualTo("7"));
        assertThat(((Number) shown.get(0).get(0)).intValue()).isEqualTo(test.indicesOf(7)[0]);
        explorer.waitForQuery(Map.of("split", "test", "label", "7"));
        screenshot("test-split-label-7");

        explorer.chooseLabel("All classes").waitForSummary("MNIST test: 10,000 samples");
    }

    @Test
    void scrolls_deep_into_the_grid_and_opens_a_sample_by_click() {
        ExplorerPage explorer = new ExplorerPage(page);
        explorer.openAndMeasure(base(), "/explore");
        int perRow = explorer.samplesPerRow();

        // A few turns of the mouse wheel: new rows come in as they scroll into view.
        explorer.wheel(3000);
        page.waitForFunction("() => [...document.querySelectorAll('#sample-grid .sample')]"
                + ".some(s => Number(s.dataset.index) >= 200 && s.querySelector('mnist-digit[drawn]'))");

        explorer.scrollToSample(50_000, perRow);
        screenshot("scrolled-to-50000");

        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        assertThat(explorer.thumbnail(50_003).locator(".sample-label")).hasText(String.valueOf(train.label(50_003)));
        SamplePage sample = explorer.openSample(50_003);
        assertThat(page).hasURL(Pattern.compile(".*/explore/mnist/train/50003$"));
        assertThat(sample.label()).isEqualTo(String.valueOf(train.label(50_003)));
        assertThat(sample.heatMapCells()).hasCount(784);

        // Back to the grid: the same place, the sample marked.
        ExplorerPage again2 = sample.backToGrid();
        assertThat(again2.thumbnail(50_003)).hasClass("sample current");
    }

    @Test
    void go_to_sample_field_jumps_to_it() {
        ExplorerPage explorer = new ExplorerPage(page);
        explorer.openAndMeasure(base(), "/explore");
        explorer.goTo(50_000);
        assertThat(explorer.thumbnail(50_000)).hasClass("sample current");
        page.waitForFunction("() => document.querySelector('#sample-grid .sample[data-index=\"50000\"] mnist-digit[drawn]') !== null");
        explorer.waitForQuery(Map.of("at", "50000"));
    }

    @Test
    void deep_link_opens_a_sample_with_its_pixels_and_neighbours() {
        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        SamplePage sample = new SamplePage(page).open(base(), "mnist", "train", 0);
        assertThat(sample.label()).isEqualTo("5");
        assertThat(sample.splitBadge()).hasText("train");
        assertThat(sample.heatMapCells()).hasCount(784);
        assertThat(sample.pixel(5, 21)).isEqualTo(255);
        assertThat(sample.pixel(0, 0)).isZero();
        assertThat(sample.image()).isVisible();
        screenshot("sample-mnist-train-0");

        sample.next(1);
        assertThat(page).hasURL(Pattern.compile(".*/explore/mnist/train/1$"));
        assertThat(sample.label()).isEqualTo(String.valueOf(train.label(1)));
        page.keyboard().press("ArrowRight");
        sample.waitForSample(2);
        sample.previous(1);

        sample.openBadLink(base(), "/explore/mnist/test/10000");
        assertThat(sample.error()).hasText("There is no sample #10000: MNIST test has 10,000 samples (0 to 9,999).");
        sample.openBadLink(base(), "/explore/emnist/test/1");
        assertThat(sample.error()).hasText("Unknown dataset 'emnist': use mnist or fashion-mnist");
    }

    @Test
    void fashion_mnist_shows_class_names_in_grid_filter_chart_and_sample() {
        ExplorerPage explorer = new ExplorerPage(page);
        explorer.openAndMeasure(base(), "/explore");
        explorer.chooseDataset("Fashion-MNIST").waitForSummary("Fashion-MNIST train: 60,000 samples");
        LabeledImages train = datasets.samples(DatasetKind.FASHION_MNIST, Split.TRAIN);
        explorer.waitForFirstSample(0, DatasetKind.FASHION_MNIST.className(train.label(0)));
        Map<String, Object> chart = explorer.distributionChartData();
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) chart.get("labels");
        assertThat(labels).startsWith("T-shirt/top").endsWith("Ankle boot");
        assertThat(numbers(((List<?>) chart.get("values")).get(0))).containsOnly(6000);
        screenshot("fashion-mnist");

        explorer.chooseLabel("9 · Ankle boot").waitForSummary("Fashion-MNIST train: 6,000 samples of Ankle boot");
        explorer.waitForFirstSample(train.indicesOf(9)[0], "Ankle boot");
        assertThat(explorer.visibleSamples()).allSatisfy(s -> assertThat(s.get(1)).isEqualTo("Ankle boot"));

        int index = train.indicesOf(9)[3];
        SamplePage sample = new SamplePage(page).open(base(), "fashion-mnist", "train", index);
        assertThat(sample.labelBadge()).hasText("Label 9 · Ankle boot");
    }

    private static List<Integer> numbers(Object list) {
        return ((List<?>) list).stream().map(n -> ((Number) n).intValue()).toList();
    }
}
