package org.mnistlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mnistlab.TestRuns;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.e2e.pages.RunDetailPage;
import org.mnistlab.e2e.pages.SweepPage;
import org.mnistlab.sweeps.Sweep;
import org.mnistlab.sweeps.SweepReport;
import org.mnistlab.sweeps.SweepService;
import org.mnistlab.sweeps.SweepSpec;
import org.mnistlab.sweeps.SweepStrategy;
import org.mnistlab.sweeps.SweptSetting;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A small real sweep (a 2 x 2 grid: 4 trials x 2 epochs x 2,000 images) watched on its page: the table and the
 * parallel coordinates show the 4 trials, a range selected on an axis filters both, and the best-run link opens its run.
 */
class SweepIT extends BrowserTest {

    @Autowired
    SweepService service;

    @Test
    void a_small_sweep_shows_its_trials_filters_them_by_an_axis_range_and_opens_the_best_run() {
        RunConfig base = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().name("SweepIT")
                .epochs(2).trainSubset(2000).build();
        page.navigate(url("/sweeps"));
        page.waitForSelector("#sweeps-grid", new Page.WaitForSelectorOptions().setTimeout(90_000));
        Sweep sweep = service.start(new SweepSpec("SweepIT", base,
                List.of(SweptSetting.parse(RunSetting.LEARNING_RATE, "0.001..0.1:log:2"),
                        SweptSetting.parse(RunSetting.BATCH_SIZE, "32,128")),
                SweepStrategy.GRID, 0, 1, null));
        SweepPage sweepPage = new SweepPage(page).open(base(), sweep.id());

        await("the sweep ends").atMost(TestRuns.RUN_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> service.report(sweep.id()).orElseThrow().state() != SweepReport.State.RUNNING);
        assertThat(service.report(sweep.id()).orElseThrow().state()).isEqualTo(SweepReport.State.FINISHED);
        assertThat(sweepPage.state()).containsText("finished");
        assertThat(sweepPage.trials()).hasJSProperty("size", 4);
        assertThat(sweepPage.parallel()).hasAttribute("line-count", "4");
        screenshot("sweep");

        // Dragging with the mouse on the batch-size axis from 70 % of its height to past its top (128) keeps the
        // two trials with 128: the lines and the table follow.
        sweepPage.brush(1, 0.7, 1.1);
        assertThat(sweepPage.parallel()).hasAttribute("selected-count", "2");
        assertThat(sweepPage.parallel().locator("path.line.faded")).hasCount(2);
        assertThat(sweepPage.trials()).hasJSProperty("size", 2);
        screenshot("sweep-brushed");
        sweepPage.brush(1, 0.5, 0.5); // a click on the axis clears its range
        assertThat(sweepPage.parallel().locator("path.line.faded")).hasCount(0);
        assertThat(sweepPage.trials()).hasJSProperty("size", 4);

        // The same selection in the axis's own units, through the element's method for scripts
        sweepPage.brushValues(1, 100, 128);
        assertThat(sweepPage.parallel()).hasAttribute("selected-count", "2");
        sweepPage.clearBrush(1);
        assertThat(sweepPage.parallel()).hasAttribute("selected-count", "4");

        long best = service.report(sweep.id()).orElseThrow().best().orElseThrow().run().id();
        sweepPage.openBestRun();
        page.waitForURL(Pattern.compile(".*/runs/" + best + "$"));
        assertThat(new RunDetailPage(page).name()).isVisible();
    }
}
