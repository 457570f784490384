package org.mnistlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.mnistlab.TestRuns;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.e2e.pages.LiveRunPage;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunPreset;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunQueue;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Measures (and prints; no timed assertions) two goals of the live dashboard:
 * push latency — server epoch event to the point drawn in Chromium (the chart's lastAppendAt, same machine
 * clock) — and training speed of a run watched by 10 pages against the same run unwatched, for two runs: a
 * fast MLP that floods the pages with epochs (one every half second) and a CNN paced like real training.
 */
@Tag("benchmark")
class DashboardPushBenchmarkIT extends BrowserTest {

    private static final int PAGES = 10;

    @Autowired
    RunQueue queue;
    @Autowired
    RunStore store;

    private final List<BrowserContext> viewers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        viewers.forEach(BrowserContext::close);
        queue.activeRuns().forEach(r -> queue.cancel(r.id()));
    }

    /** A fast MLP: many epoch events and a flood of batch progress. */
    private static final RunConfig FAST_MLP = RunPreset.BASELINE_MLP.config(DatasetKind.MNIST)
            .toBuilder().trainSubset(10_000).epochs(10).build();
    /** A simple CNN on 6,000 images: an epoch every few seconds, as real runs go. */
    private static final RunConfig CNN = RunPreset.SIMPLE_CNN.config(DatasetKind.MNIST)
            .toBuilder().trainSubset(6_000).epochs(3).build();

    private RunRecord awaitEnd(long runId) {
        return new TestRuns(queue, store).awaitEnd(runId);
    }

    /** Images per second over the run's epochs after the first (which warms up). */
    private double speed(long runId) {
        List<EpochMetrics> epochs = store.epochs(runId);
        return epochs.stream().skip(epochs.size() > 1 ? 1 : 0).mapToDouble(EpochMetrics::imagesPerSecond)
                .average().orElseThrow();
    }

    private double unwatchedRun(RunConfig workload, String name) throws InterruptedException {
        RunRecord run = queue.submit(workload.toBuilder().name(name).build());
        RunRecord done = awaitEnd(run.id());
        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        return speed(run.id());
    }

    /** What one watched run measured. */
    private record Watched(String workload, int pages, double speed, List<Long> latencies, CpuSample cpu,
                           int listeners) {
    }

    /** Runs the config watched by {@code count} pages, all open before it starts, and measures push latency. */
    private Watched watchedRun(String workloadName, RunConfig workload, int count) throws InterruptedException {
        // Queue the run behind a blocker so every page is open before it starts.
        RunRecord blocker = queue.submit(RunPreset.SIMPLE_CNN.config(DatasetKind.MNIST).toBuilder().trainSubset(20_000)
                .epochs(20).name("bench blocker").build());
        RunRecord watched = queue.submit(workload.toBuilder().name("bench " + workloadName + " watched by " + count).build());
        Map<Integer, Long> serverEpochAt = new ConcurrentHashMap<>();
        Runnable unsubscribe = queue.subscribe(e -> {
            if (e.runId() == watched.id() && e instanceof RunEvent.EpochFinished f) {
                serverEpochAt.put(f.metrics().epoch(), System.currentTimeMillis());
            }
        });
        List<LiveRunPage> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BrowserContext context = newContext();
            viewers.add(context);
            LiveRunPage live = new LiveRunPage(context.newPage(), url("").replaceAll("/$", "")).open(watched.id());
            // record when each epoch point is drawn: mnist-chart redraws in a microtask queued by the first
            // change and then sets lastAppendAt; a microtask queued after it reads that time
            live.page().evaluate("() => { const el = document.querySelector('#loss-chart'); window.__appends = [];"
                    + " const orig = el.appendData.bind(el);"
                    + " el.appendData = (label, values) => { orig(label, values);"
                    + " queueMicrotask(() => window.__appends.push([Number(label), el.lastAppendAt])); }; }");
            pages.add(live);
        }
        int listeners = queue.listenerCount();
        queue.cancel(blocker.id());
        awaitStart(watched.id());
        CpuSample before = CpuSample.now();
        RunRecord done = awaitEnd(watched.id());
        CpuSample during = CpuSample.now().minus(before);
        unsubscribe.run();
        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);

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
        assertThat(latencies).hasSize(count * done.epochsDone());
        screenshot(pages.get(0).page(), "watched-by-" + count);
        viewers.forEach(BrowserContext::close);
        viewers.clear();
        latencies.sort(null);
        return new Watched(workloadName, count, speed(watched.id()), latencies, during, listeners);
    }

    @Test
    void push_latency_and_speed_watched_by_ten_pages() throws InterruptedException {
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        unwatchedRun(FAST_MLP, "bench warm-up");
        double mlpUnwatched1 = unwatchedRun(FAST_MLP, "bench MLP unwatched 1");
        Watched mlpTen = watchedRun("MLP", FAST_MLP, PAGES);
        // 30 epochs for the single page, so its p95 is not simply the slowest of ten points
        Watched mlpOne = watchedRun("MLP", FAST_MLP.toBuilder().epochs(30).build(), 1);
        double mlpUnwatched2 = unwatchedRun(FAST_MLP, "bench MLP unwatched 2");
        double cnnUnwatched1 = unwatchedRun(CNN, "bench CNN unwatched 1");
        Watched cnnTen = watchedRun("CNN", CNN, PAGES);
        double cnnUnwatched2 = unwatchedRun(CNN, "bench CNN unwatched 2");

        System.out.printf(Locale.ROOT, "%n=== Dashboard push benchmark (MLP: 10,000 images x 10 epochs; CNN: 6,000 images"
                        + " x 3 epochs; load average %.1f at start, %.1f at end, %d cores) ===%n", loadBefore,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        report(mlpUnwatched1, mlpUnwatched2, List.of(mlpOne, mlpTen));
        report(cnnUnwatched1, cnnUnwatched2, List.of(cnnTen));
        System.out.println();
    }

    private static void report(double unwatched1, double unwatched2, List<Watched> watched) {
        double unwatched = (unwatched1 + unwatched2) / 2;
        System.out.printf(Locale.ROOT, "%s unwatched: %.0f and %.0f images/s (mean %.0f)%n", watched.get(0).workload(),
                unwatched1, unwatched2, unwatched);
        for (Watched w : watched) {
            List<Long> l = w.latencies();
            System.out.printf(Locale.ROOT, "%s watched by %2d page(s): push latency epoch event -> point drawn n=%d"
                            + " p50=%d ms p95=%d ms max=%d ms; speed %.0f images/s (%+.1f %% vs unwatched);"
                            + " listeners %d%n", w.workload(), w.pages(), l.size(), percentile(l, 50), percentile(l, 95),
                    l.get(l.size() - 1), w.speed(), (w.speed() / unwatched - 1) * 100, w.listeners());
            System.out.printf(Locale.ROOT, "    CPU during that run (%.1f s wall): app JVM %.1f s, of it push threads"
                            + " %d ms; Chromium %.1f s; busiest JVM threads: %s%n", w.cpu().wallMillis() / 1000.0,
                    w.cpu().jvmMillis() / 1000.0, w.cpu().pushMillis(), w.cpu().chromiumMillis() / 1000.0,
                    w.cpu().topThreads());
        }
    }

    private void awaitStart(long runId) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> store.findById(runId).orElseThrow().status() != RunStatus.QUEUED);
    }

    /** CPU used so far by this JVM (and by thread group), its push threads and all Chromium processes. */
    private record CpuSample(long wallMillis, long jvmMillis, long pushMillis, long chromiumMillis,
                             Map<String, Long> threadMillis) {

        static CpuSample now() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Map<String, Long> byGroup = new java.util.TreeMap<>();
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    long cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId())) / 1_000_000;
                    byGroup.merge(info.getThreadName().replaceAll("[-_ #]*\\d+", ""), cpu, Long::sum);
                }
            }
            long jvm = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            // live Chromium processes only: no page navigates while a run is measured
            long chromiumTicks = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                    .mapToLong(CpuSample::ticks).sum();
            return new CpuSample(System.nanoTime() / 1_000_000, jvm / 1_000_000,
                    byGroup.getOrDefault("ui-push", 0L), chromiumTicks * 10, byGroup); // USER_HZ is 100
        }

        private static long ticks(ProcessHandle process) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", process.pid() + "", "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (Exception gone) {
                return 0;
            }
        }

        CpuSample minus(CpuSample earlier) {
            Map<String, Long> groups = new java.util.TreeMap<>();
            threadMillis.forEach((k, v) -> groups.put(k, v - earlier.threadMillis.getOrDefault(k, 0L)));
            return new CpuSample(wallMillis - earlier.wallMillis, jvmMillis - earlier.jvmMillis,
                    pushMillis - earlier.pushMillis, chromiumMillis - earlier.chromiumMillis, groups);
        }

        /** The JVM thread groups that used the most CPU, e.g. "training 9800 ms, http-nio-exec 700 ms". */
        String topThreads() {
            return threadMillis.entrySet().stream().filter(e -> e.getValue() >= 50)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(java.util.stream.Collectors.joining(", "));
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
