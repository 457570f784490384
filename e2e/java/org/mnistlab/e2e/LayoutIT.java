package org.mnistlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistlab.TestRuns;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every screen fits: the explorer reflows from a phone to a desktop, no main page scrolls sideways at
 * 1280 px, the dark theme follows the system and the toggle is remembered, the runs grid keeps its filters
 * in the address, and the copy-link button copies it.
 */
class LayoutIT extends BrowserTest {

    /** Thumbnails painted inside both the grid's box and the window: their widths in CSS pixels. */
    private static final String VISIBLE_THUMBNAIL_WIDTHS = """
            () => {
              const list = document.querySelector('#sample-grid');
              if (!list) return [];
              const box = list.getBoundingClientRect();
              return [...list.querySelectorAll('.sample mnist-digit[drawn]')].map(d => d.getBoundingClientRect())
                .filter(r => r.height > 0 && r.bottom > box.top && r.top < box.bottom && r.top < innerHeight
                        && r.left >= 0 && r.right <= innerWidth)
                .map(r => r.width);
            }""";
    private static final String SIDEWAYS_OVERFLOW =
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

    @Autowired
    RunQueue queue;
    @Autowired
    RunStore store;

    @Test
    void explorer_shows_readable_thumbnails_on_a_phone() {
        assertExplorerFits(400, 800);
        assertThat(((Number) page.evaluate("() => document.querySelector('.explorer-side').getBoundingClientRect().top"
                + " - document.querySelector('#sample-grid').getBoundingClientRect().bottom")).doubleValue())
                .as("the side charts start below the grid").isGreaterThanOrEqualTo(0);
    }

    @Test
    void explorer_shows_readable_thumbnails_on_a_desktop() {
        assertExplorerFits(1280, 800);
    }

    private void assertExplorerFits(int width, int height) {
        page.setViewportSize(width, height);
        page.navigate(url("/explore"));
        page.waitForFunction("() => (" + VISIBLE_THUMBNAIL_WIDTHS + ")().length >= 12");
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) page.evaluate("(" + VISIBLE_THUMBNAIL_WIDTHS + ")()");
        screenshot("explorer-" + width);
        assertThat(widths).as("thumbnails in view at %d px", width)
                .allSatisfy(w -> assertThat(w.doubleValue()).isGreaterThanOrEqualTo(40));
        assertThat(((Number) page.evaluate(SIDEWAYS_OVERFLOW)).intValue()).as("sideways overflow, px").isLessThanOrEqualTo(0);
    }

    @Test
    void main_pages_do_not_scroll_sideways_at_1280_px() {
        long runId = new TestRuns(queue, store).tiny(Architecture.MLP, 1000);
        page.setViewportSize(1280, 900);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/explore", "#sample-grid .sample");
        pages.put("/runs", "#runs-grid");
        pages.put("/runs/" + runId, "#reproducibility");
        pages.put("/runs/" + runId + "/live", "#loss-chart");
        pages.put("/queue", "#queue-grid, #queue-empty");
        pages.put("/train", "vaadin-app-layout");
        pages.put("/draw", "#drawing-pad");
        Map<String, Integer> overflow = new LinkedHashMap<>();
        for (var entry : pages.entrySet()) {
            page.navigate(url(entry.getKey()));
            page.waitForSelector(entry.getValue());
            page.waitForTimeout(300); // let late layout (charts, grid columns) settle
            overflow.put(entry.getKey(), ((Number) page.evaluate(SIDEWAYS_OVERFLOW)).intValue());
            if (entry.getKey().equals("/runs")) {
                page.waitForSelector("#runs-grid .run-link");
                overflow.put("runs grid", ((Number) page.evaluate(
                        "() => { const t = document.querySelector('#runs-grid').$.table; return t.scrollWidth - t.clientWidth; }"))
                        .intValue());
            }
            screenshot("1280" + entry.getKey().replace('/', '-'));
        }
        assertThat(overflow).as("px scrolled sideways per page").allSatisfy((path, px) -> assertThat(px).isLessThanOrEqualTo(0));
    }

    @Test
    void dark_mode_follows_the_system_until_toggled_and_the_toggle_is_remembered() {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        page.navigate(url("/explore"));
        page.waitForSelector("#theme-toggle");
        assertThat(theme()).as("system preference dark").isEqualTo("dark");

        page.click("#theme-toggle");
        assertThat(theme()).isNull();
        page.reload();
        page.waitForSelector("#theme-toggle");
        assertThat(theme()).as("chosen light is remembered over the system's dark").isNull();

        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        page.click("#theme-toggle");
        page.waitForSelector("#distribution-chart");
        page.reload();
        page.waitForSelector("#distribution-chart");
        assertThat(theme()).as("chosen dark is remembered over the system's light").isEqualTo("dark");
        page.waitForFunction("() => document.querySelector('#distribution-chart')?.chart !== undefined");
        String text = (String) page.evaluate("() => getComputedStyle(document.querySelector('.explorer-side h3')).color");
        String chartText = (String) page.evaluate("() => document.querySelector('#distribution-chart').chart.options.color");
        screenshot("dark-explorer");
        assertThat(brightness(text)).as("headings are light on dark: %s", text).isGreaterThan(150);
        assertThat(chartText).as("the chart's text is Lumo's dark-theme colour").isEqualTo(page.evaluate(
                "() => getComputedStyle(document.documentElement).getPropertyValue('--lumo-secondary-text-color').trim()"));
    }

    @Test
    void runs_grid_keeps_filters_and_sort_in_the_address() {
        new TestRuns(queue, store).tiny(Architecture.MLP, 1000);
        page.navigate(url("/runs?status=finished&sort=test_accuracy&dir=asc"));
        page.waitForSelector("#runs-grid .run-link");
        assertThat(page.inputValue("#filter-status input")).isEqualTo("Finished");

        page.fill("#filter-search input", "mlp");
        page.waitForFunction("() => new URLSearchParams(location.search).get('q') === 'mlp'");
        assertThat(page.url()).contains("status=finished").contains("sort=test_accuracy").contains("dir=asc");
        page.reload();
        page.waitForSelector("#runs-grid .run-link");
        assertThat(page.inputValue("#filter-search input")).isEqualTo("mlp");
        assertThat(page.inputValue("#filter-status input")).isEqualTo("Finished");
    }

    @Test
    void copy_link_copies_the_run_page_address() {
        long runId = new TestRuns(queue, store).tiny(Architecture.MLP, 1000);
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.navigate(url("/runs/" + runId));
        page.click("#copy-link");
        page.waitForFunction("() => document.querySelector('#copy-link').dataset.copied");
        assertThat(page.evaluate("() => document.querySelector('#copy-link').dataset.copied"))
                .isEqualTo(url("/runs/" + runId));
        assertThat(page.locator("#copy-link").textContent()).contains("Link copied");
    }

    private String theme() {
        return (String) page.evaluate("() => document.documentElement.getAttribute('theme')");
    }

    /** Mean of r, g, b of a CSS rgb()/rgba() colour. */
    private static double brightness(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
        return (Double.parseDouble(parts[0]) + Double.parseDouble(parts[1]) + Double.parseDouble(parts[2])) / 3;
    }
}
