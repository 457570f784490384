package org.mnistlab.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.regex.Pattern;

/** The draw page (/draw): the drawing pad, the preprocessing steps, the probability bars and My digits. */
public class DrawPage {

    private final Page page;

    private DrawPage(Page page) {
        this.page = page;
    }

    public static DrawPage open(Page page, String url) {
        page.navigate(url);
        DrawPage draw = new DrawPage(page);
        draw.canvas().waitFor();
        // the chart element exists once the view has rendered
        page.waitForFunction("() => document.querySelector('#probability-chart')?.chart !== undefined");
        return draw;
    }

    public Locator canvas() {
        return page.locator("#drawing-pad canvas");
    }

    public Locator topClass() {
        return page.locator("#top-class");
    }

    public Locator predictionMessage() {
        return page.locator("#prediction-message");
    }

    public Locator stepsEmptyHint() {
        return page.locator("#steps-empty");
    }

    public Locator step(String name) {
        return page.locator("#step-" + name + " img");
    }

    public Locator noModelNotice() {
        return page.locator("#no-model");
    }

    public Locator gallery() {
        return page.locator("#my-digits-gallery .my-digit");
    }

    public Locator galleryCount() {
        return page.locator("#my-digits-count");
    }

    public Locator myDigitsResult() {
        return page.locator("#my-digits-result");
    }

    /** Picks the run whose label starts with "#id " in the model picker. */
    public void chooseModel(long runId) {
        page.locator("#model-picker").click();
        page.locator("vaadin-select-overlay[opened] vaadin-select-item").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^#" + runId + " "))).first().click();
    }

    /** A "1": one vertical stroke down the middle. */
    public void drawOne() {
        stroke(List.of(new double[] {0.52, 0.15}, new double[] {0.51, 0.35}, new double[] {0.50, 0.55},
                new double[] {0.49, 0.85}), 6, 0);
    }

    /** A "0": an oval, drawn as one closed stroke. */
    public void drawZero() {
        int n = 48;
        double[][] points = new double[n + 2][];
        for (int i = 0; i <= n + 1; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / n;
            points[i] = new double[] {0.5 + 0.24 * Math.cos(a), 0.5 + 0.33 * Math.sin(a)};
        }
        stroke(List.of(points), 2, 0);
    }

    /**
     * Draws one stroke with real mouse events through {@code points} (fractions of the canvas), with
     * {@code stepsBetween} intermediate moves per segment; holds the button {@code pauseBeforeUpMs} before
     * releasing (so updates sent while drawing have arrived).
     */
    public void stroke(List<double[]> points, int stepsBetween, int pauseBeforeUpMs) {
        BoundingBox box = canvas().boundingBox();
        double[] first = points.get(0);
        page.mouse().move(box.x + first[0] * box.width, box.y + first[1] * box.height);
        page.mouse().down();
        for (int i = 1; i < points.size(); i++) {
            double[] p = points.get(i);
            page.mouse().move(box.x + p[0] * box.width, box.y + p[1] * box.height,
                    new com.microsoft.playwright.Mouse.MoveOptions().setSteps(stepsBetween));
        }
        if (pauseBeforeUpMs > 0) {
            page.waitForTimeout(pauseBeforeUpMs);
        }
        page.mouse().up();
    }

    /** Escape on the focused pad clears it. */
    public void clearWithKeyboard() {
        canvas().focus();
        page.keyboard().press("Escape");
    }

    public void undoWithKeyboard() {
        canvas().focus();
        page.keyboard().press("Control+z");
    }

    /** The bars as drawn by Chart.js (dataset 0). */
    @SuppressWarnings("unchecked")
    public List<Number> probabilities() {
        return (List<Number>) page.evaluate(
                "() => Array.from(document.querySelector('#probability-chart').chart.data.datasets[0].data)");
    }

    /** Waits until the bars hold a probability distribution (they sum to 1). */
    public void waitForBars() {
        page.waitForFunction("() => { const c = document.querySelector('#probability-chart').chart;"
                + " const s = c.data.datasets[0].data.reduce((a, b) => a + b, 0); return Math.abs(s - 1) < 1e-3; }");
    }

    /** Date.now() when the pad last reported pen-up. */
    public long lastPenUp() {
        return ((Number) page.evaluate("() => document.querySelector('#drawing-pad').lastStrokeEndAt")).longValue();
    }

    /** Date.now() when the bars' data last changed. */
    public long lastBarsUpdate() {
        return ((Number) page.evaluate("() => document.querySelector('#probability-chart').lastAppendAt")).longValue();
    }

    /** Waits until the server has handled the pad's latest event (it acknowledges each one). */
    public void waitUntilHandled() {
        page.waitForFunction("() => { const p = document.querySelector('#drawing-pad');"
                + " return p.lastSeq > 0 && p.processedSeq === p.lastSeq; }");
    }

    /**
     * Waits until the server has answered the last pen-up and returns the time from pen-up to the bars
     * being updated with that answer, in ms (both clocks in the page).
     */
    public long waitForBarsAfterPenUp() {
        waitUntilHandled();
        return lastBarsUpdate() - lastPenUp();
    }

    public void saveAs(int label) {
        page.locator("#true-label").click();
        page.locator("vaadin-select-overlay[opened] vaadin-select-item").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^\\s*" + label + "\\s*$"))).first().click();
        page.locator("#save-digit").click();
    }

    public void evaluateMyDigits() {
        page.locator("#evaluate-my-digits").click();
    }

    /** The four steps show pictures (data URLs). */
    public void shouldShowAllSteps() {
        for (String step : List.of("raw", "cropped", "fitted", "centered")) {
            assertThat(step(step)).isVisible();
            assertThat(step(step)).hasAttribute("src", Pattern.compile("^data:image/png;base64,"));
        }
    }
}
