package org.mnistlab.e2e.pages;

import com.microsoft.playwright.Page;
import java.util.List;

/** The comparison at /compare?runs=...: overlaid curves and the settings table. */
public class ComparePage {

    private final Page page;

    public ComparePage(Page page) {
        this.page = page;
    }

    /** The dataset labels a chart has drawn (read from the Chart.js instance). */
    @SuppressWarnings("unchecked")
    public List<String> datasetLabels(String chartId) {
        page.waitForFunction("id => { const e = document.getElementById(id);"
                + " return e && e.chart && e.chart.data.datasets.length > 0; }", chartId);
        return (List<String>) page.evaluate(
                "id => document.getElementById(id).chart.data.datasets.map(d => d.label)", chartId);
    }

    /** How many points a chart's dataset has that are not gaps. */
    public int pointsDrawn(String chartId, String datasetLabel) {
        return ((Number) page.evaluate("([id, label]) => document.getElementById(id).chart.data.datasets"
                + ".find(d => d.label === label).data.filter(v => v !== null).length",
                List.of(chartId, datasetLabel))).intValue();
    }

    /** The labels of the setting rows shown in the config table. */
    public List<String> settingRows() {
        page.waitForSelector("#config-diff span[data-key]");
        return page.locator("#config-diff span[data-key]").allTextContents();
    }

    public void showAllSettings(boolean all) {
        page.locator("#show-all-settings input").setChecked(all);
    }
}
