package org.mnistlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.base.ui.ClosedTabSweeper;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.e2e.pages.LiveRunPage;
import org.mnistlab.e2e.pages.QueuePage;
import org.mnistlab.e2e.pages.TrainPage;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunPreset;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunQueue;
import org.springframework.beans.factory.annotation.Autowired;

/** Configure a run in the browser, watch it live from two browsers, and cancel runs (real MNIST, real DL4J). */
class TrainingDashboardIT extends BrowserTest {

    @Autowired
    RunQueue queue;

    @Autowired
    ClosedTabSweeper sweeper;

    @AfterEach
    void cancelLeftovers() {
        queue.activeRuns().forEach(r -> queue.cancel(r.id()));
    }

    @Test
    void a_run_configured_in_the_browser_streams_to_every_open_page() {
        TrainPage train = new TrainPage(page, base()).open();
        train.preset("simple-cnn").set("trainSubset", 2000).set("epochs", 3).set("name", "e2e small CNN");
        assertThat(train.layerTable()).containsText("Convolution");
        assertThat(train.previewImages()).hasCount(30);
        screenshot("configured");

        LiveRunPage live = train.start();
        live.awaitStatus("Running", 60_000);
        long runId = live.runId();

        // the progress bar moves within the first epoch, and batch losses are drawn
        page.waitForFunction("() => { const v = document.querySelector('#run-progress').value; return v > 0 && v < 1; }",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        double early = live.progress();
        live.awaitPoints("batch-loss-chart", 0, 1, 60_000);
        assertThat(live.progressText()).containsText("images/s");

        // a second browser (own context, own session) opens the same run mid-way
        BrowserContext second = newContext();
        try {
            LiveRunPage other = new LiveRunPage(second.newPage(), base()).open(runId);
            String firstText = other.progressText().textContent();
            other.page().waitForFunction("t => document.querySelector('#progress-text').textContent !== t",
                    firstText, new Page.WaitForFunctionOptions().setTimeout(60_000));

            // both pages get every epoch on both charts, then the result
            for (LiveRunPage p : new LiveRunPage[] {live, other}) {
                p.awaitPoints("loss-chart", 0, 3, 120_000);
                p.awaitPoints("loss-chart", 1, 3, 5_000);
                p.awaitPoints("accuracy-chart", 0, 3, 5_000);
                p.awaitPoints("accuracy-chart", 1, 3, 5_000);
                p.awaitStatus("Finished", 60_000);
                assertThat(p.result()).containsText("Test accuracy");
                assertThat(p.detailsLink()).hasAttribute("href", "runs/" + runId);
                assertThat(p.overfitting()).containsText("Best epoch so far");
                assertThat(p.progress()).isEqualTo(1.0);
            }
            assertThat(early).isLessThan(1.0);
            screenshot(other.page(), "second-viewer");
        } finally {
            second.close();
        }
        screenshot("finished");
    }

    @Test
    void a_run_ended_by_early_stopping_says_so_why_and_whose_weights_it_kept() {
        // Logistic regression on 200 images with SGD lr 0.5: validation loss soon rises (deterministic seed).
        RunRecord run = queue.submit(RunConfig.defaults(Architecture.LOGISTIC, DatasetKind.MNIST).toBuilder()
                .name("e2e stops early").optimizer(OptimizerKind.SGD).learningRate(0.5).batchSize(32).epochs(30)
                .seed(3).l2(0).validationFraction(0.02).earlyStoppingPatience(1).restoreBestWeights(true)
                .lrSchedule(LrSchedule.step(0.5, 10)).trainSubset(200).build());
        LiveRunPage live = new LiveRunPage(page, base()).open(run.id());
        live.awaitStatus("Finished", 120_000);

        Pattern stopped = Pattern.compile("Stopped early after epoch \\d+ of 30: validation loss did not improve for"
                + " 1 epoch after epoch \\d+ \\(patience 1\\)\\.");
        // the progress line says where it ended; the reason is said once, in the verdict
        assertThat(live.progressText()).hasText(Pattern.compile("Done: stopped early at epoch \\d+ of 30\\."));
        assertThat(live.trainingEnd()).containsText(stopped);
        assertThat(live.trainingEnd()).containsText(Pattern.compile(
                "Test evaluation and model file: weights of epoch \\d+, the best epoch \\(restored"));
        screenshot("stopped-early");
    }

    @Test
    void the_dashboard_shows_validation_as_its_own_phase() {
        // 500 training images, 18,000 validation images: most of each epoch is validation.
        RunRecord run = queue.submit(RunPreset.SIMPLE_CNN.config(DatasetKind.MNIST).toBuilder().trainSubset(500)
                .validationFraction(0.3).epochs(2).name("e2e validates").build());
        LiveRunPage live = new LiveRunPage(page, base()).open(run.id());

        live.awaitValidating(120_000);
        assertThat(live.progressText()).containsText(Pattern.compile("Epoch \\d/2 · Validating .* · batch \\d+/93 .* ETA"));
        screenshot("validating");
        live.awaitStatus("Finished", 120_000);
    }

    @Test
    void runs_can_be_cancelled_from_the_queue_and_the_dashboard() {
        String base = base();
        LiveRunPage running = new TrainPage(page, base).open().preset("simple-cnn")
                .set("trainSubset", 20_000).set("epochs", 10).set("name", "e2e long").start();
        long runningId = running.runId();
        LiveRunPage waiting = new TrainPage(page, base).open().preset("baseline-mlp")
                .set("trainSubset", 1000).set("epochs", 1).set("name", "e2e waiting").start();
        long waitingId = waiting.runId();
        waiting.awaitStatus("Queued", 30_000);
        assertThat(waiting.progressText()).containsText("position 1");

        QueuePage queue = new QueuePage(page, base).open();
        assertThat(queue.runLink(runningId)).isVisible();
        assertThat(queue.runLink(waitingId)).isVisible();
        assertThat(queue.grid()).containsText("running");
        screenshot("queue");
        queue.cancel(waitingId);
        assertThat(queue.runLink(waitingId)).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(30_000));

        LiveRunPage cancelled = new LiveRunPage(page, base).open(waitingId);
        cancelled.awaitStatus("Cancelled", 10_000);

        LiveRunPage longRun = new LiveRunPage(page, base).open(runningId);
        longRun.awaitStatus("Running", 60_000);
        longRun.cancel();
        longRun.awaitStatus("Cancelled", 60_000);
        assertThat(longRun.result()).containsText(Pattern.compile("Cancelled after \\d+ of 10 epochs"));
        assertThat(page.locator("#cancel-run")).isHidden();
    }

    @Test
    void closing_tabs_leaves_no_listener_behind() throws InterruptedException {
        RunRecord waiting = queuedBehindABlocker("e2e watched then closed");
        int before = listenersWithoutEarlierTests();

        List<BrowserContext> tabs = new ArrayList<>();
        try {
            watchThenClose(tabs, waiting, before);
        } finally {
            tabs.forEach(BrowserContext::close);
        }
    }

    /**
     * The run listeners there are once the tabs of earlier tests, closed with their browser context and so
     * without their unload beacon, are gone: left to the 30 s grace, one of them would leave while a test counts.
     */
    private int listenersWithoutEarlierTests() {
        sweeper.closeGoneTabs(Duration.ZERO);
        return queue.listenerCount();
    }

    /** A run that stays queued (behind a long one) while pages watch it; {@link #cancelLeftovers} ends both. */
    private RunRecord queuedBehindABlocker(String name) {
        queue.submit(RunPreset.SIMPLE_CNN.config(DatasetKind.MNIST).toBuilder().trainSubset(20_000)
                .epochs(20).name("e2e blocker").build());
        return queue.submit(RunPreset.BASELINE_MLP.config(DatasetKind.MNIST).toBuilder().trainSubset(1000)
                .epochs(1).name(name).build());
    }

    private void watchThenClose(List<BrowserContext> tabs, RunRecord waiting, int before) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            BrowserContext tab = newContext();
            tabs.add(tab);
            new LiveRunPage(tab.newPage(), url("").replaceAll("/$", "")).open(waiting.id()).awaitStatus("Queued", 20_000);
        }
        assertThat(queue.listenerCount()).isEqualTo(before + 3);

        long closedAt = System.nanoTime();
        for (BrowserContext tab : tabs) {
            // a tab closing as a person closes it: the page's unload handlers run and Vaadin sends its unload
            // beacon. The browser stays open, as it does for a person; closing the whole context right away
            // would drop the beacon still in flight and leave the listener to the heartbeat timeout.
            tab.pages().forEach(p -> p.close(new Page.CloseOptions().setRunBeforeUnload(true)));
        }
        // the beacon removes them at once; should it be lost on the way, the lost push connection does after its
        // 30 s grace (the next test)
        await("listeners of the closed tabs removed").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20)).until(queue::listenerCount, count -> count == before);
        System.out.printf("listeners back to %d %d ms after 3 tabs closed%n", queue.listenerCount(),
                (System.nanoTime() - closedAt) / 1_000_000);
    }

    @Test
    void a_tab_gone_without_its_unload_beacon_releases_its_listener_once_its_push_connection_stays_lost() {
        RunRecord waiting = queuedBehindABlocker("e2e watched, beacon lost");
        int before = listenersWithoutEarlierTests();
        BrowserContext tab = newContext();
        try {
            Page watching = tab.newPage();
            new LiveRunPage(watching, url("").replaceAll("/$", "")).open(waiting.id()).awaitStatus("Queued", 20_000);
            assertThat(queue.listenerCount()).isEqualTo(before + 1);
            // the unload beacon is lost on the way (Vaadin's client sends it with navigator.sendBeacon); the
            // websocket closes with the page as it does for a crashed tab
            watching.evaluate("() => { navigator.sendBeacon = () => true; }");

            long closedAt = System.nanoTime();
            watching.close(new Page.CloseOptions().setRunBeforeUnload(true));
            await("listener of the tab whose beacon was lost removed").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(queue::listenerCount, count -> count == before);
            long seconds = (System.nanoTime() - closedAt) / 1_000_000_000L;
            assertThat(seconds).as("no sooner than the lost connection's grace: the beacon did not do it")
                    .isGreaterThanOrEqualTo(29);
            System.out.printf("listener of a tab without its beacon gone %d s after it closed%n", seconds);
        } finally {
            tab.close();
        }
    }
}
