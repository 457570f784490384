package org.mnistlab.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;

/** A sweep's page at /sweeps/{id}: its state, trials table, parallel coordinates and actions. */
public class SweepPage {

    private final Page page;

    public SweepPage(Page page) {
        this.page = page;
    }

    public SweepPage open(String baseUrl, long sweepId) {
        page.navigate(baseUrl + "/sweeps/" + sweepId);
        // the first page of a fresh app loads slowly while the sweep's trials hold both cores
        page.waitForSelector("#sweep-state", new Page.WaitForSelectorOptions().setTimeout(90_000));
        return this;
    }

    public Locator state() {
        return page.locator("#sweep-state");
    }

    /** The trials table; its {@code size} property is the number of rows it shows. */
    public Locator trials() {
        return page.locator("#trials-grid");
    }

    public Locator parallel() {
        return page.locator("#sweep-parallel");
    }

    /** The lines the parallel-coordinates element draws (its {@code line-count} attribute). */
    public int lineCount() {
        String count = parallel().getAttribute("line-count");
        return count == null ? 0 : Integer.parseInt(count);
    }

    /**
     * Drags along an axis of the parallel coordinates from one fraction of its height (0 bottom, 1 top) to
     * another; past 1 or below 0 the pointer leaves the axis, as a user overshooting its end does.
     */
    public void brush(int axis, double from, double to) {
        Locator hit = parallel().locator("rect.hit[data-axis='" + axis + "']");
        var box = hit.boundingBox();
        double x = box.x + box.width / 2;
        page.mouse().move(x, box.y + (1 - from) * box.height);
        page.mouse().down();
        page.mouse().move(x, box.y + (1 - to) * box.height, new Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
    }

    /** Selects {@code [lo, hi]} (in the axis's units) through the element's own brush, the state a drag sets. */
    public void brushValues(int axis, double lo, double hi) {
        parallel().evaluate("(el, [axis, lo, hi]) => el.brush(axis, lo, hi)", java.util.List.of(axis, lo, hi));
    }

    public void clearBrush(int axis) {
        parallel().evaluate("(el, axis) => el.brush(axis, null)", axis);
    }

    public void openBestRun() {
        page.locator("#best-run").click();
    }
}
