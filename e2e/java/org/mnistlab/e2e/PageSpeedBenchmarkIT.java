package org.mnistlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mnistlab.TestRuns;
import org.mnistlab.e2e.pages.ExplorerPage;
import org.mnistlab.e2e.pages.RunsPage;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How long the main pages take in Chromium, cold (the first visit after the server started, in a browser
 * with an empty cache) and warm (later visits). Prints one line per page for the README's benchmark table.
 * Run alone so that "cold" means a fresh server:
 * {@code mvn -Pproduction,bench verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PageSpeedBenchmarkIT}.
 */
@Tag("benchmark")
class PageSpeedBenchmarkIT extends BrowserTest {

    private static final int WARM_VISITS = 5;

    @Autowired
    RunQueue queue;
    @Autowired
    RunStore store;

    /** One method, so the order is fixed: the first visit must be the first page the server serves. */
    @Test
    void prints_cold_and_warm_times_of_the_main_pages() {
        page.setDefaultTimeout(60_000); // a cold start on a shared machine
        ExplorerPage explorer = new ExplorerPage(page);
        long[] firstPage = explorer.openAndMeasureFirstScreen(base(), "/");
        printWhereTheTimeWent();
        long[][] reloads = new long[WARM_VISITS][];
        long[] warmPictured = warm(p -> new ExplorerPage(p).openAndMeasureFirstScreen(base(), "/explore"), reloads);
        print("first page after start (explorer at /, empty browser cache): 50 thumbnails painted", firstPage[0],
                warmPictured, 1000, 300);
        print("  ... the browser's first contentful paint", firstPage[2],
                Arrays.stream(reloads).mapToLong(times -> times[2]).toArray(), 1000, 300);
        print("  ... drawn by the view (interactive)", firstPage[1],
                Arrays.stream(reloads).mapToLong(times -> times[1]).toArray(), 1000, 300);

        print("explorer through the menu from /runs (in-app navigation, no page load)", -1,
                warm(p -> clickInMenuFromRuns(p, "Explore", () -> new ExplorerPage(p).waitForFirstScreen())), 1000, 300);

        long coldSwitch = switchToFashion(explorer);
        long[] warmSwitch = new long[WARM_VISITS];
        for (int i = 0; i < warmSwitch.length; i++) {
            explorer.openAndMeasure(base(), "/explore?dataset=mnist&split=train");
            warmSwitch[i] = switchToFashion(explorer);
        }
        print("dataset switch MNIST -> Fashion-MNIST, until its thumbnails are painted", coldSwitch,
                warmSwitch, 500, 500);

        long runId = new TestRuns(queue, store).tiny(Architecture.MLP, 1000);
        long coldDetail = openRunDetail(page, runId);
        print("run detail with confusion matrix (" + "/runs/" + runId + ")", coldDetail,
                warm(p -> openRunDetail(p, runId)), 1500, 500);
        print("run detail through its link in /runs (in-app navigation, no page load)", -1,
                warm(p -> clickRunFromRuns(p, runId)), 1500, 500);
        assertThat(firstPage[1]).isPositive();
    }

    /** The first load's parts: the document, the scripts (the bundle) and the server's first UI response. */
    private void printWhereTheTimeWent() {
        System.out.println("[page speed] first load: " + page.evaluate("""
                () => {
                  const nav = performance.getEntriesByType('navigation')[0];
                  const res = performance.getEntriesByType('resource');
                  const js = res.filter(r => r.initiatorType === 'script' || r.name.endsWith('.js'));
                  const kb = list => Math.round(list.reduce((s, r) => s + (r.encodedBodySize || 0), 0) / 1024);
                  const uidl = res.filter(r => r.name.includes('v-r=uidl'));
                  return `document ${Math.round(nav.responseEnd)} ms, DOMContentLoaded ${Math.round(nav.domContentLoadedEventEnd)} ms, `
                    + `${js.length} scripts ${kb(js)} KiB loaded by ${Math.round(Math.max(0, ...js.map(r => r.responseEnd)))} ms, `
                    + `${uidl.length} UI requests (first ends ${uidl.length ? Math.round(uidl[0].responseEnd) : -1} ms, `
                    + `server ${uidl.length ? Math.round(uidl[0].responseStart - uidl[0].requestStart) : -1} ms), `
                    + `${res.length} requests, ${kb(res)} KiB in all`;
                }"""));
    }

    /** Clicks Fashion-MNIST and waits until a screen of clothing thumbnails is painted; ms from the click. */
    private long switchToFashion(ExplorerPage explorer) {
        double t0 = ((Number) page.evaluate("() => performance.now()")).doubleValue();
        explorer.chooseDataset("Fashion-MNIST");
        Object now = page.waitForFunction("""
                () => { const cells = [...document.querySelectorAll('#sample-grid .sample')]
                          .filter(s => s.querySelector('mnist-digit[drawn]'));
                        return cells.length >= 50 && isNaN(Number(cells[0].querySelector('.sample-label').textContent))
                            ? performance.now() : null; }""", null,
                new Page.WaitForFunctionOptions().setPollingInterval(10)).jsonValue();
        return Math.round(((Number) now).doubleValue() - t0);
    }

    private long openRunDetail(Page target, long runId) {
        target.navigate(base() + "/runs/" + runId, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        return Math.round(matrixShownAt(target));
    }

    /**
     * Waits for a run page's confusion matrix and returns performance.now() when it was there; then, not timed,
     * for the page's second part (its misclassified images), so the next visit does not leave a page still being
     * built and time both.
     */
    private static double matrixShownAt(Page target) {
        Object now = target.waitForFunction(
                "() => document.querySelectorAll('#confusion-matrix .cm-cell').length >= 100 ? performance.now() : null",
                null, new Page.WaitForFunctionOptions().setPollingInterval(10)).jsonValue();
        target.waitForSelector("#misclassified .digit-tile");
        return ((Number) now).doubleValue();
    }

    /**
     * How long a page takes when the app is already open (the usual way from one page to another): opens /runs,
     * then clicks the menu item and waits for {@code shown}, which returns performance.now() at that moment.
     */
    private long clickInMenuFromRuns(Page target, String item, java.util.function.LongSupplier shown) {
        new RunsPage(target).open(base());
        double t0 = ((Number) target.evaluate("() => performance.now()")).doubleValue();
        target.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
        return Math.round(shown.getAsLong() - t0);
    }

    /** From /runs, clicks the run's name and waits for its confusion matrix; ms from the click. */
    private long clickRunFromRuns(Page target, long runId) {
        new RunsPage(target).open(base());
        Locator link = target.locator("#runs-grid a.run-link[data-run-id='" + runId + "']");
        link.waitFor();
        double t0 = ((Number) target.evaluate("() => performance.now()")).doubleValue();
        link.click();
        return Math.round(matrixShownAt(target) - t0);
    }

    /** Times of later visits in a second tab of a context whose cache is warm. */
    private long[] warm(ToLongFunction<Page> visit) {
        long[][] all = new long[WARM_VISITS][];
        return warm(p -> new long[] {visit.applyAsLong(p)}, all);
    }

    /** The same for visits timing several moments: the first of each into the result, all into {@code all}. */
    private long[] warm(Function<Page, long[]> visit, long[][] all) {
        BrowserContext same = page.context();
        Page other = same.newPage();
        other.setDefaultTimeout(60_000);
        for (int i = 0; i < all.length; i++) {
            all[i] = visit.apply(other);
        }
        other.close();
        return Arrays.stream(all).mapToLong(times -> times[0]).toArray();
    }

    private static void print(String what, long cold, long[] warm, long coldGoal, long warmGoal) {
        long[] sorted = warm.clone();
        Arrays.sort(sorted);
        System.out.printf("[page speed] %s: %swarm median %d ms (min %d, max %d; goal < %d)%n", what,
                cold < 0 ? "" : "cold " + cold + " ms (goal < " + coldGoal + "), ",
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], warmGoal);
    }
}
