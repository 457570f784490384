package org.mnistlab.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.List;
import java.util.Map;

/** The dataset explorer at /explore: choices, the thumbnail grid, the distribution chart. */
public class ExplorerPage {

    /** Thumbnails inside the grid's visible box whose image has been decoded: [index, label] pairs. */
    private static final String VISIBLE_DRAWN = """
            () => {
              const list = document.querySelector('#sample-grid');
              if (!list) return [];
              const box = list.getBoundingClientRect();
              return [...list.querySelectorAll('.sample')].filter(s => {
                const r = s.getBoundingClientRect();
                return r.height > 0 && r.bottom > box.top && r.top < box.bottom && s.querySelector('mnist-digit[drawn]');
              }).map(s => [Number(s.dataset.index), s.querySelector('.sample-label').textContent]);
            }""";

    /**
     * Times a page load of the explorer, in ms since the navigation started: [50 thumbnails painted, 50 drawn
     * by the view, first contentful paint], once the view has drawn 50 in view (else null). The first is the
     * browser's own paint time of the first screen's 50th image (Element Timing: its images carry
     * {@code elementtiming}), or the view's moment when there is no first screen; the view's is seen by polling.
     */
    private static final String PAINTED_THEN_DRAWN = """
            () => {
              if (!window.__painted) {
                window.__painted = [];
                new PerformanceObserver(list => list.getEntries().forEach(e => window.__painted.push(e.renderTime || e.loadTime)))
                    .observe({ type: 'element', buffered: true });
              }
              const list = document.querySelector('#sample-grid');
              if (!list) return null;
              const box = list.getBoundingClientRect();
              const drawn = [...list.querySelectorAll('.sample')].filter(s => { const r = s.getBoundingClientRect();
                return r.height > 0 && r.bottom > box.top && r.top < box.bottom && r.top < innerHeight
                    && s.querySelector('mnist-digit[drawn]'); }).length;
              if (drawn < 50) return null;
              const now = performance.now();
              const painted = [...window.__painted].sort((a, b) => a - b);
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              return [painted.length >= 50 ? Math.min(painted[49], now) : now, now, paint ? paint.startTime : -1];
            }""";

    private final Page page;

    public ExplorerPage(Page page) {
        this.page = page;
    }

    /**
     * Opens the explorer at {@code path} and waits until a first screen of thumbnails is painted.
     *
     * @return milliseconds from the start of the navigation until then (the browser's own clock)
     */
    public long openAndMeasure(String baseUrl, String path) {
        page.navigate(baseUrl + path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        return waitForFirstScreen();
    }

    /** Opens the explorer at {@code path} and times its first screen and its view ({@link #PAINTED_THEN_DRAWN}). */
    public long[] openAndMeasureFirstScreen(String baseUrl, String path) {
        page.navigate(baseUrl + path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        List<?> times = (List<?>) page.waitForFunction(PAINTED_THEN_DRAWN, null,
                new Page.WaitForFunctionOptions().setPollingInterval(10)).jsonValue();
        return times.stream().mapToLong(t -> Math.round(((Number) t).doubleValue())).toArray();
    }

    /** Waits until at least 50 thumbnails are painted in view; returns performance.now() at that moment. */
    public long waitForFirstScreen() {
        Object now = page.waitForFunction("() => (" + VISIBLE_DRAWN + ")().length >= 50 ? performance.now() : null",
                null, new Page.WaitForFunctionOptions().setPollingInterval(10)).jsonValue();
        return Math.round(((Number) now).doubleValue());
    }

    /**
     * The gray levels (0 black to 255 white) the browser shows for a thumbnail in the grid, row by row,
     * read back by drawing its image at 28×28 into a canvas.
     */
    public List<Number> thumbnailGrays(int index) {
        page.waitForSelector("#sample-grid .sample[data-index=\"" + index + "\"] mnist-digit[drawn]");
        return grays("document.querySelector(`#sample-grid .sample[data-index=\"${index}\"] mnist-digit`).shadowRoot"
                + ".querySelector('img')", index);
    }

    /** The same for a thumbnail in the page's first screen (plain HTML in the document, before the view). */
    public List<Number> firstScreenGrays(int index) {
        return grays("document.querySelector(`#first-screen .sample[data-index=\"${index}\"] img`)", index);
    }

    @SuppressWarnings("unchecked")
    private List<Number> grays(String imageOfIndex, int index) {
        return (List<Number>) page.evaluate("""
                index => {
                  const image = %s;
                  const canvas = document.createElement('canvas');
                  canvas.width = 28; canvas.height = 28;
                  const context = canvas.getContext('2d');
                  context.drawImage(image, 0, 0, 28, 28);
                  const rgba = context.getImageData(0, 0, 28, 28).data;
                  return Array.from({ length: 784 }, (_, i) => rgba[i * 4]);
                }""".formatted(imageOfIndex), index);
    }

    /** Waits until the top-left thumbnail in view is this sample, painted, and a screen of others with it. */
    public ExplorerPage waitForFirstSample(int index, String label) {
        page.waitForFunction("([index, label]) => { const s = (" + VISIBLE_DRAWN + ")(); "
                + "return s.length >= 50 && s[0][0] === index && s[0][1] === label; }", List.of(index, label));
        return this;
    }

    /**
     * Waits until the address bar's query holds these parameters (the URL follows the server's response
     * asynchronously); their order does not matter.
     */
    public ExplorerPage waitForQuery(Map<String, String> expected) {
        page.waitForFunction("""
                expected => { const q = new URLSearchParams(location.search);
                  return Object.entries(expected).every(([k, v]) => q.get(k) === v); }""", expected);
        return this;
    }

    /** [index, label] of each painted thumbnail in view, top-left first. */
    @SuppressWarnings("unchecked")
    public List<List<Object>> visibleSamples() {
        return (List<List<Object>>) page.evaluate("(" + VISIBLE_DRAWN + ")()");
    }

    public ExplorerPage chooseDataset(String name) {
        page.locator("#dataset-choice vaadin-radio-button").filter(new Locator.FilterOptions().setHasText(name))
                .click();
        return this;
    }

    public ExplorerPage chooseSplit(String name) {
        page.locator("#split-choice vaadin-radio-button").filter(new Locator.FilterOptions().setHasText(name))
                .click();
        return this;
    }

    /** Picks a label in the filter by its text in the list, e.g. "7" or "9 · Ankle boot" or "All classes". */
    public ExplorerPage chooseLabel(String itemText) {
        page.locator("#label-choice").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(itemText)).first().click();
        return this;
    }

    public Locator summary() {
        return page.locator("#explorer-summary");
    }

    public ExplorerPage waitForSummary(String text) {
        assertThat(summary()).containsText(text);
        return this;
    }

    /**
     * Scrolls the grid so that the list item holding {@code sampleIndex} comes into view (as dragging the
     * scroll bar does) and waits until that thumbnail is painted in view.
     *
     * @return milliseconds from the scroll until then
     */
    public long scrollToSample(int sampleIndex, int samplesPerRow) {
        Object ms = page.evaluate("""
                ([index, row]) => new Promise((resolve, reject) => {
                  const list = document.querySelector('#sample-grid');
                  const t0 = performance.now();
                  list.scrollToIndex(row);
                  const check = () => {
                    const cell = list.querySelector(`.sample[data-index="${index}"]`);
                    const box = list.getBoundingClientRect();
                    const r = cell && cell.getBoundingClientRect();
                    if (cell && cell.querySelector('mnist-digit[drawn]') && r.bottom > box.top && r.top < box.bottom) {
                      resolve(performance.now() - t0);
                    } else if (performance.now() - t0 > 20000) {
                      reject(new Error('sample ' + index + ' not shown after 20 s'));
                    } else {
                      requestAnimationFrame(check);
                    }
                  };
                  check();
                })""", List.of(sampleIndex, sampleIndex / samplesPerRow));
        return Math.round(((Number) ms).doubleValue());
    }

    /** Scrolls the grid with the mouse wheel, as a user does. */
    public ExplorerPage wheel(int pixels) {
        page.locator("#sample-grid").hover();
        page.mouse().wheel(0, pixels);
        return this;
    }

    /** Samples per list item (the CSS wraps each item over as many lines as the width needs). */
    public int samplesPerRow() {
        return ((Number) page.evaluate("() => document.querySelector('#sample-grid .sample-row').querySelectorAll('.sample').length"))
                .intValue();
    }

    public Locator thumbnail(int sampleIndex) {
        return page.locator("#sample-grid .sample[data-index=\"" + sampleIndex + "\"]");
    }

    /** Types a sample number into "Go to sample #" and presses Enter. */
    public ExplorerPage goTo(int sampleIndex) {
        Locator field = page.locator("#go-to-sample input");
        field.fill(String.valueOf(sampleIndex));
        field.press("Enter");
        return this;
    }

    public SamplePage openSample(int sampleIndex) {
        thumbnail(sampleIndex).click();
        page.waitForURL("**/explore/*/*/" + sampleIndex + "**");
        return new SamplePage(page).waitForSample(sampleIndex);
    }

    /** The data the distribution chart has drawn: its x labels and each dataset's label and values. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> distributionChartData() {
        // the class charts come after the thumbnails; on a switch they are hidden until then
        page.waitForFunction("""
                () => document.querySelector('#distribution-chart')?.chart?.data?.datasets?.length === 2
                  && getComputedStyle(document.querySelector('.explorer-side')).visibility !== 'hidden'""");
        return (Map<String, Object>) page.evaluate("""
                () => {
                  const data = document.querySelector('#distribution-chart').chart.data;
                  return { labels: data.labels, series: data.datasets.map(d => d.label), values: data.datasets.map(d => d.data) };
                }""");
    }

    public Locator classMean(int label) {
        return page.locator("#class-mean-" + label);
    }

    public Locator datasetStatus() {
        return page.locator("#dataset-status");
    }
}
