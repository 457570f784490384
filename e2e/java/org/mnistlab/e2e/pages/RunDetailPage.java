package org.mnistlab.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;

/** A run's detail page at /runs/{id}. */
public class RunDetailPage {

    private final Page page;

    public RunDetailPage(Page page) {
        this.page = page;
    }

    public RunDetailPage open(String baseUrl, long runId) {
        page.navigate(baseUrl + "/runs/" + runId);
        page.waitForSelector("#run-name");
        return this;
    }

    public Locator name() {
        return page.locator("#run-name");
    }

    /** A confusion-matrix cell: true class, predicted class and its count. */
    public record Cell(int actual, int predicted, int count) {
    }

    /** The off-diagonal cell with the most images (the model's most common mistake). */
    @SuppressWarnings("unchecked")
    public Cell largestErrorCell() {
        page.waitForSelector("#confusion-matrix .cm-cell");
        Map<String, Object> cell = (Map<String, Object>) page.evaluate("""
                () => {
                  let best = null;
                  for (const c of document.querySelectorAll('#confusion-matrix .cm-cell')) {
                    const a = +c.dataset.actual, p = +c.dataset.predicted, n = +c.textContent.trim();
                    if (a !== p && (best === null || n > best.count)) best = {actual: a, predicted: p, count: n};
                  }
                  return best;
                }""");
        return new Cell(((Number) cell.get("actual")).intValue(), ((Number) cell.get("predicted")).intValue(),
                ((Number) cell.get("count")).intValue());
    }

    public void clickCell(int actual, int predicted) {
        page.click("#cm-" + actual + "-" + predicted);
        assertThat(page.locator("#cell-images-title")).containsText("True " + actual + ", predicted " + predicted);
    }

    /** Chooses a cell from the keyboard: focus it, press Enter. */
    public void chooseCellByKeyboard(int actual, int predicted) {
        page.focus("#cm-" + actual + "-" + predicted);
        page.keyboard().press("Enter");
        assertThat(page.locator("#cell-images-title")).containsText("True " + actual + ", predicted " + predicted);
    }

    /** The cell marked as chosen. */
    public Locator selectedCell() {
        return page.locator("#confusion-matrix .cm-cell.selected");
    }

    /** The thumbnails shown for the clicked cell. */
    public Locator cellTiles() {
        return page.locator("#cell-gallery .digit-tile");
    }

    public Locator misclassifiedTiles() {
        return page.locator("#misclassified .digit-tile");
    }

    public Download exportCsv() {
        return page.waitForDownload(() -> page.click("#export-csv"));
    }

    public Download downloadModel() {
        return page.waitForDownload(() -> page.click("#download-model"));
    }

    /** Deletes the run through the confirmation dialog; the app returns to the runs grid. */
    public void delete() {
        page.click("#delete");
        page.locator("vaadin-button[slot='confirm-button']").click();
        page.waitForURL("**/runs");
    }
}
