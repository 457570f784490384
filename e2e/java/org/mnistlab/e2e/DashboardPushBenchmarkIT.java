package org.mnistlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.e2e.pages.LiveRunPage;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunHistory;
import org.mnistlab.training.RunPreset;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.TrainingService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Measures (and prints; no timed assertions) two goals of the live dashboard:
 * push latency — server epoch event to the point drawn in Chromium (the chart's lastAppendAt, same machine
 * clock) — and training speed of a run watched by 10 pages against the same run unwatched.
 */
class DashboardPushBenchmarkIT extends BrowserTest {

    private static final int PAGES = 10;

    @Autowired
    TrainingService training;
    @Autowired
    RunHistory history;

    private final List<BrowserContext> viewers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        viewers.forEach(BrowserContext::close);
        training.activeRuns().forEach(r -> training.cancel(r.id()));
    }

    /** The same fast MLP every time: many epoch events and a flood of batch progress. */
    private static RunConfig config(String name) {
        return RunPreset.BASELINE_MLP.config(DatasetKind.MNIST).withTrainSubset(10_000).withEpochs(10).withName(name);
    }

    private RunRecord awaitEnd(long runId) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            RunRecord r = history.findById(runId).orElseThrow();
            if (!r.status().active()) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not end in time");
    }

    /** Images per second over the run's epochs after the first (which warms up). */
    private double speed(long runId) {
        List<EpochMetrics> epochs = history.epochs(runId);
        return epochs.stream().skip(epochs.size() > 1 ? 1 : 0).mapToDouble(EpochMetrics::imagesPerSecond)
                .average().orElseThrow();
    }

    private double unwatchedRun(String name) throws InterruptedException {
        RunRecord run = training.submit(config(name));
        RunRecord done = awaitEnd(run.id());
        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        return speed(run.id());
    }

    @Test
    void push_latency_and_speed_watched_by_ten_pages() throws InterruptedException {
        unwatchedRun("bench warm-up");
        double unwatched1 = unwatchedRun("bench unwatched 1");

        // Queue the watched run behind a blocker so all pages are open before it starts.
        RunRecord blocker = training.submit(RunPreset.SIMPLE_CNN.config(DatasetKind.MNIST).withTrainSubset(20_000)
                .withEpochs(20).withName("bench blocker"));
        RunRecord watched = training.submit(config("bench watched by " + PAGES));
        Map<Integer, Long> serverEpochAt = new ConcurrentHashMap<>();
        Runnable unsubscribe = training.subscribe(e -> {
            if (e.runId() == watched.id() && e instanceof RunEvent.EpochFinished f) {
                serverEpochAt.put(f.metrics().epoch(), System.currentTimeMillis());
            }
        });
        List<LiveRunPage> pages = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            BrowserContext context = newContext();
            viewers.add(context);
            LiveRunPage live = new LiveRunPage(context.newPage(), url("").replaceAll("/$", "")).open(watched.id());
            live.page().evaluate("() => { const el = document.querySelector('#loss-chart'); window.__appends = [];"
                    + " const orig = el.appendData.bind(el);"
                    + " el.appendData = (label, values) => { orig(label, values);"
                    + " window.__appends.push([Number(label), el.lastAppendAt]); }; }");
            pages.add(live);
        }
        int listenersWhileWatching = training.listenerCount();
        training.cancel(blocker.id());
        RunRecord done = awaitEnd(watched.id());
        unsubscribe.run();
        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        double watchedSpeed = speed(watched.id());

        List<Long> latencies = new ArrayList<>();
        for (LiveRunPage live : pages) {
            live.awaitPoints("loss-chart", 0, done.epochsDone(), 10_000);
            @SuppressWarnings("unchecked")
            List<List<Number>> appends = (List<List<Number>>) live.page().evaluate("() => window.__appends");
            for (List<Number> a : appends) {
                Long server = serverEpochAt.get(a.get(0).intValue());
                if (server != null) {
                    latencies.add(a.get(1).longValue() - server);
                }
            }
        }
        screenshot(pages.get(0).page(), "watched-page");
        viewers.forEach(BrowserContext::close);
        viewers.clear();
        double unwatched2 = unwatchedRun("bench unwatched 2");

        latencies.sort(null);
        assertThat(latencies).hasSize(PAGES * done.epochsDone());
        double unwatched = (unwatched1 + unwatched2) / 2;
        System.out.printf(Locale.ROOT, "%n=== Dashboard push benchmark (%d pages, MLP, 10,000 images x %d epochs) ===%n",
                PAGES, done.epochsDone());
        System.out.printf(Locale.ROOT, "push latency, epoch event -> point drawn: n=%d p50=%d ms p95=%d ms max=%d ms%n",
                latencies.size(), percentile(latencies, 50), percentile(latencies, 95),
                latencies.get(latencies.size() - 1));
        System.out.printf(Locale.ROOT, "listeners while %d pages watched: %d%n", PAGES, listenersWhileWatching);
        System.out.printf(Locale.ROOT, "training speed unwatched: %.0f and %.0f images/s (mean %.0f)%n",
                unwatched1, unwatched2, unwatched);
        System.out.printf(Locale.ROOT, "training speed watched by %d pages: %.0f images/s (%+.1f %% vs unwatched)%n%n",
                PAGES, watchedSpeed, (watchedSpeed / unwatched - 1) * 100);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
