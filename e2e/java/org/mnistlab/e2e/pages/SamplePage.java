package org.mnistlab.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** One sample at /explore/{dataset}/{split}/{index}: label, pixel table, previous/next. */
public class SamplePage {

    private final Page page;

    public SamplePage(Page page) {
        this.page = page;
    }

    public SamplePage open(String baseUrl, String dataset, String split, int index) {
        page.navigate(baseUrl + "/explore/" + dataset + "/" + split + "/" + index);
        return waitForSample(index);
    }

    /** Opens a deep link that names no sample; the page explains why. */
    public SamplePage openBadLink(String baseUrl, String path) {
        page.navigate(baseUrl + path);
        assertThat(error()).isVisible();
        return this;
    }

    public SamplePage waitForSample(int index) {
        assertThat(page.locator("#sample-title")).hasText("Sample #" + index);
        return this;
    }

    public String label() {
        return page.locator("#sample-label").textContent();
    }

    public Locator labelBadge() {
        return page.locator("#label-badge");
    }

    public Locator splitBadge() {
        return page.locator("#split-badge");
    }

    /** The 784 value cells of the pixel heat map. */
    public Locator heatMapCells() {
        return page.locator("#pixel-heatmap .hm-cell");
    }

    /** Pixel value shown in the heat map at (row, col). */
    public int pixel(int row, int col) {
        return Integer.parseInt(heatMapCells().nth(row * 28 + col).textContent());
    }

    public Locator image() {
        return page.locator("#sample-image");
    }

    public SamplePage next(int expectedIndex) {
        page.locator("#next-sample").click();
        return waitForSample(expectedIndex);
    }

    public SamplePage previous(int expectedIndex) {
        page.locator("#prev-sample").click();
        return waitForSample(expectedIndex);
    }

    public ExplorerPage backToGrid() {
        page.locator("#back-to-grid").click();
        page.waitForURL("**/explore?**");
        return new ExplorerPage(page);
    }

    public Locator error() {
        return page.locator("#sample-error");
    }
}
