package org.mnistlab.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Pattern;

/** The configurator at /train: presets, form fields by their engine field name, Start. */
public class TrainPage {

    private final Page page;
    private final String baseUrl;

    public TrainPage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    public TrainPage open() {
        page.navigate(baseUrl + "/train");
        // the first visit may wait for MNIST to load and the native backend to start
        assertThat(page.locator("#run-config-form")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        return this;
    }

    /** Clicks a preset button, e.g. "simple-cnn", "baseline-mlp", "regularized-cnn-augmented". */
    public TrainPage preset(String id) {
        page.locator("#preset-" + id).click();
        return this;
    }

    /** Types into a field (e.g. "trainSubset", "epochs", "name") and leaves it, which commits the value. */
    public TrainPage set(String field, Object value) {
        Locator input = field(field).locator("input");
        input.fill(String.valueOf(value));
        input.press("Tab");
        return this;
    }

    public Locator field(String field) {
        return page.locator("#field-" + field.replace('.', '-'));
    }

    public Locator startButton() {
        return page.locator("#start");
    }

    public Locator layerTable() {
        return page.locator("#layer-table");
    }

    public Locator parameterTotal() {
        return page.locator("#parameter-total");
    }

    public Locator previewImages() {
        return page.locator("#augmentation-preview img");
    }

    /** Starts the run and waits for its live dashboard. */
    public LiveRunPage start() {
        assertThat(startButton()).isEnabled();
        startButton().click();
        page.waitForURL(Pattern.compile(".*/runs/\\d+/live$"));
        return new LiveRunPage(page, baseUrl).awaitLoaded();
    }
}
