package org.mnistlab.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The live dashboard of one run: status, progress, and what the Chart.js charts have drawn. */
public class LiveRunPage {

    private static final Pattern ID = Pattern.compile("/runs/(\\d+)/live");

    private final Page page;
    private final String baseUrl;

    public LiveRunPage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    public LiveRunPage open(long runId) {
        page.navigate(baseUrl + "/runs/" + runId + "/live");
        return awaitLoaded();
    }

    LiveRunPage awaitLoaded() {
        // generous: a busy 2-core CI machine can take seconds to serve a page while training
        assertThat(page.locator("#run-status")).not().isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(30_000));
        page.waitForFunction("() => !!document.querySelector('#loss-chart')?.chart", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        return this;
    }

    public Page page() {
        return page;
    }

    public long runId() {
        Matcher m = ID.matcher(page.url());
        if (!m.find()) {
            throw new IllegalStateException("not a live dashboard URL: " + page.url());
        }
        return Long.parseLong(m.group(1));
    }

    public Locator status() {
        return page.locator("#run-status");
    }

    public Locator progressText() {
        return page.locator("#progress-text");
    }

    /** How training ended (all epochs or early stopping) and whose weights were kept, once finished. */
    public Locator trainingEnd() {
        return page.locator("#training-end");
    }

    /** Waits until the progress line says the run is measuring an epoch on validation data. */
    public void awaitValidating(double timeoutMs) {
        assertThat(progressText()).hasAttribute("data-phase", "validating",
                new LocatorAssertions.HasAttributeOptions().setTimeout(timeoutMs));
    }

    public Locator result() {
        return page.locator("#run-result");
    }

    public Locator overfitting() {
        return page.locator("#overfitting");
    }

    public Locator detailsLink() {
        return page.locator("#details-link");
    }

    public void cancel() {
        page.locator("#cancel-run").click();
    }

    public double progress() {
        Object v = page.evaluate("() => document.querySelector('#run-progress').value");
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    /** Non-null points the chart has drawn in one dataset (0 = training, 1 = validation on epoch charts). */
    public int points(String chartId, int dataset) {
        Object n = page.evaluate("([id, ds]) => { const c = document.getElementById(id)?.chart;"
                + " return c && c.data.datasets[ds] ? c.data.datasets[ds].data.filter(v => v !== null).length : 0; }",
                new Object[] {chartId, dataset});
        return ((Number) n).intValue();
    }

    public int lossPoints() {
        return points("loss-chart", 0);
    }

    public int accuracyPoints() {
        return points("accuracy-chart", 0);
    }

    public int batchPoints() {
        return points("batch-loss-chart", 0);
    }

    /** Waits until a chart dataset has at least {@code count} points. */
    public void awaitPoints(String chartId, int dataset, int count, double timeoutMs) {
        page.waitForFunction("([id, ds, n]) => { const c = document.getElementById(id)?.chart;"
                        + " return !!c && c.data.datasets[ds].data.filter(v => v !== null).length >= n; }",
                new Object[] {chartId, dataset, count}, new Page.WaitForFunctionOptions().setTimeout(timeoutMs));
    }

    public void awaitStatus(String text, double timeoutMs) {
        assertThat(status()).hasText(text, new LocatorAssertions.HasTextOptions().setTimeout(timeoutMs));
    }
}
