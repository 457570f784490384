package org.mnistlab.runs.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.OverfittingDetector;
import org.mnistlab.training.OverfittingReport;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunQueue;

/**
 * The live dashboard of one run, at a shareable URL. Opening it mid-run draws the stored epochs and the
 * latest batch progress, then follows the run's events over push (no polling). Any number of tabs can watch
 * the same run; each gets its events through its own {@link RunEventPump}, throttled for batch progress.
 */
@Route("runs/:id([0-9]+)/live")
public class LiveRunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RunQueue queue;
    private final RunStore store;
    private final UiPushScheduler pushScheduler;
    private final OverfittingDetector detector = new OverfittingDetector();

    private final H2 title = new H2();
    private final Span status = new Span();
    private final Span configLine = new Span();
    private final Button cancel = new Button("Cancel run", VaadinIcon.STOP.create());
    private final Anchor configureSimilar = new Anchor("", "Configure a similar run");
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Div overfitting = new Div();
    private final Div result = new Div();
    private final ChartJs lossChart = new ChartJs();
    private final ChartJs accuracyChart = new ChartJs();
    private final ChartJs batchChart = new ChartJs();
    private final Div body = new Div();
    private final Div notFound = new Div();

    private long runId = -1;
    private RunRecord record;
    private RunStatus runStatus;
    private int totalEpochs;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private int batchChartEpoch;
    private int batchPoints;
    private BatchProgress lastProgress;
    private RunEventPump pump;
    private Runnable unsubscribe;

    public LiveRunView(RunQueue queue, RunStore store, UiPushScheduler pushScheduler) {
        this.queue = queue;
        this.store = store;
        this.pushScheduler = pushScheduler;
        setWidthFull();

        title.setId("run-title");
        title.addClassNames(LumoUtility.Margin.NONE);
        status.setId("run-status");
        cancel.setId("cancel-run");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> cancelRun());
        configureSimilar.setId("configure-similar");
        HorizontalLayout header = new HorizontalLayout(title, status, cancel, configureSimilar);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWrap(true);
        configLine.setId("run-config");
        configLine.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);

        progress.setId("run-progress");
        progressText.setId("progress-text");
        overfitting.setId("overfitting");
        overfitting.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM);
        result.setId("run-result");
        result.setVisible(false);

        lossChart.setId("loss-chart");
        lossChart.setConfigJson(LiveCharts.perEpoch("Loss per epoch", "loss", "loss", null));
        accuracyChart.setId("accuracy-chart");
        accuracyChart.setConfigJson(LiveCharts.perEpoch("Accuracy per epoch (%)", "accuracy %", "accuracy", 100.0));
        batchChart.setId("batch-loss-chart");
        batchChart.setConfigJson(LiveCharts.batchLoss());
        batchChart.setHeight("220px");
        FlexLayout charts = new FlexLayout(lossChart, accuracyChart);
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.setWidthFull();
        for (ChartJs c : List.of(lossChart, accuracyChart)) {
            c.setWidth(null);
            c.getStyle().set("flex", "1 1 420px").set("min-width", "300px");
        }

        body.setWidthFull();
        body.add(new VerticalLayout(header, configLine, progress, progressText, result, overfitting, charts,
                batchChart));
        notFound.setId("run-not-found");
        notFound.setVisible(false);
        add(body, notFound);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        runId = event.getRouteParameters().getLong("id").orElse(-1L);
    }

    @Override
    public String getPageTitle() {
        return (record != null ? record.name() : "Run " + runId) + " · live · MNIST Lab";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        long id = runId;
        // Subscribe before reading the store, so nothing published in between is lost; epochs already
        // drawn from the store are skipped when their events arrive.
        pump = new RunEventPump(pushScheduler.executor(), command -> ui.access(command::run), this::apply,
                UiPushScheduler.MIN_BATCH_INTERVAL_NANOS);
        RunEventPump mine = pump;
        Runnable remove = queue.subscribe(e -> {
            if (e.runId() == id) {
                mine.offer(e);
            }
        });
        unsubscribe = remove;
        // a UI that vanished without a detach (session expired) closes the pump: drop the listener too
        mine.whenClosed(remove);
        Optional<RunRecord> found = store.findById(id);
        if (found.isEmpty()) {
            stopListening();
            body.setVisible(false);
            notFound.setVisible(true);
            notFound.removeAll();
            notFound.add(new Span("Run #" + id + " does not exist (it may have been deleted). "),
                    new Anchor("runs", "All runs"));
            return;
        }
        showRecord(found.get());
        drawHistory(store.epochs(id));
        if (runStatus.active()) {
            queue.latestProgress(id).ifPresent(this::showProgress);
        } else {
            stopListening();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopListening();
        super.onDetach(detachEvent);
    }

    private void stopListening() {
        if (pump != null) {
            pump.close(); // runs the unsubscribe
        }
        unsubscribe = null;
    }

    private void showRecord(RunRecord run) {
        record = run;
        RunConfig c = run.config();
        totalEpochs = c.epochs();
        title.setText(run.name());
        configLine.setText(String.format(Locale.ROOT, "Run #%d · %s · %s · %s lr %s · batch %d · %d epochs%s%s%s",
                run.id(), c.architecture().displayName(), c.dataset().displayName(), c.optimizer().displayName(),
                c.learningRate(), c.batchSize(), c.epochs(),
                run.parameterCount() > 0 ? " · " + ModelSummaryPanel.formatCount(run.parameterCount()) + " parameters" : "",
                c.trainSubset() > 0 ? " · " + c.trainSubset() + " training images" : "",
                c.augmentation().enabled() ? " · augmented" : ""));
        configureSimilar.setHref("train?from=" + run.id());
        setStatus(run.status());
        switch (run.status()) {
            case FINISHED -> showFinished(run.testAccuracy());
            case FAILED -> showFailed(run.errorMessage());
            case CANCELLED -> showResult("Cancelled after " + run.epochsDone() + " of " + totalEpochs + " epochs.", false);
            case INTERRUPTED -> showResult("Interrupted: the server stopped during this run after "
                    + run.epochsDone() + " of " + totalEpochs + " epochs.", true);
            default -> {
            }
        }
        if (run.status() == RunStatus.QUEUED) {
            progressText.setText(queueText());
        }
    }

    private void drawHistory(List<EpochMetrics> stored) {
        epochs.clear();
        epochs.addAll(stored);
        List<String> labels = new ArrayList<>();
        List<Double> trainLoss = new ArrayList<>();
        List<Double> valLoss = new ArrayList<>();
        List<Double> trainAcc = new ArrayList<>();
        List<Double> valAcc = new ArrayList<>();
        for (EpochMetrics m : stored) {
            labels.add(String.valueOf(m.epoch()));
            trainLoss.add(finite(m.trainLoss()));
            valLoss.add(finite(m.validationLoss()));
            trainAcc.add(percent(m.trainAccuracy()));
            valAcc.add(percent(m.validationAccuracy()));
        }
        lossChart.setData(LiveCharts.TRAIN, trainLoss, labels);
        lossChart.setData(LiveCharts.VALIDATION, valLoss, null);
        accuracyChart.setData(LiveCharts.TRAIN, trainAcc, labels);
        accuracyChart.setData(LiveCharts.VALIDATION, valAcc, null);
        updateSignals();
        if (runStatus.active() && !stored.isEmpty()) {
            EpochMetrics last = stored.get(stored.size() - 1);
            progress.setValue(Math.min(1, (double) last.epoch() / totalEpochs));
            progressText.setText(String.format(Locale.ROOT, "Epoch %d/%d done · %s images/s",
                    last.epoch(), totalEpochs, ModelSummaryPanel.formatCount(Math.round(last.imagesPerSecond()))));
        }
    }

    /** Applies pushed events in order; runs under the UI lock. */
    private void apply(List<RunEvent> events) {
        for (RunEvent event : events) {
            if (event instanceof RunEvent.Queued) {
                setStatus(RunStatus.QUEUED);
            } else if (event instanceof RunEvent.Started s) {
                totalEpochs = s.totalEpochs();
                setStatus(RunStatus.RUNNING);
                progressText.setText("Started: " + s.totalEpochs() + " epochs of " + s.batchesPerEpoch() + " batches");
            } else if (event instanceof RunEvent.BatchProgressed b) {
                showProgress(b.progress());
            } else if (event instanceof RunEvent.EpochFinished f) {
                addEpoch(f.metrics());
            } else if (event instanceof RunEvent.Finished f) {
                setStatus(RunStatus.FINISHED);
                progress.setValue(1);
                showFinished(f.testAccuracy());
                stopListening();
            } else if (event instanceof RunEvent.Failed f) {
                setStatus(RunStatus.FAILED);
                showFailed(f.message());
                stopListening();
            } else if (event instanceof RunEvent.Cancelled) {
                setStatus(RunStatus.CANCELLED);
                showResult("Cancelled after " + epochs.size() + " of " + totalEpochs + " epochs.", false);
                stopListening();
            } else if (event instanceof RunEvent.Changed) {
                store.findById(runId).ifPresentOrElse(r -> {
                    record = r;
                    title.setText(r.name());
                }, () -> showResult("This run was deleted.", true));
            }
        }
    }

    private void addEpoch(EpochMetrics m) {
        if (!epochs.isEmpty() && m.epoch() <= epochs.get(epochs.size() - 1).epoch()) {
            return; // already drawn from the stored store
        }
        epochs.add(m);
        lossChart.appendData(String.valueOf(m.epoch()), nullable(finite(m.trainLoss()), finite(m.validationLoss()), null, null));
        accuracyChart.appendData(String.valueOf(m.epoch()),
                nullable(percent(m.trainAccuracy()), percent(m.validationAccuracy()), null, null));
        updateSignals();
        progress.setValue(Math.min(1, (double) m.epoch() / Math.max(1, totalEpochs)));
        progressText.setText(String.format(Locale.ROOT, "Epoch %d/%d done · %s images/s", m.epoch(), totalEpochs,
                ModelSummaryPanel.formatCount(Math.round(m.imagesPerSecond()))));
    }

    private void showProgress(BatchProgress p) {
        if (runStatus != null && !runStatus.active()) {
            return;
        }
        boolean stale = !epochs.isEmpty() && p.epoch() <= epochs.get(epochs.size() - 1).epoch();
        if (stale) {
            return; // a batch of an epoch whose result is already shown
        }
        if (runStatus == RunStatus.QUEUED) {
            setStatus(RunStatus.RUNNING);
        }
        lastProgress = p;
        totalEpochs = p.totalEpochs();
        progress.setValue(Math.max(0, Math.min(1, p.fraction())));
        progressText.setText(String.format(Locale.ROOT, "Epoch %d/%d · batch %d/%d · %s images/s · ETA %s",
                p.epoch(), p.totalEpochs(), p.batch(), p.batchesPerEpoch(),
                ModelSummaryPanel.formatCount(Math.round(p.imagesPerSecond())), formatEta(p.etaMillis())));
        if (p.epoch() != batchChartEpoch) {
            batchChartEpoch = p.epoch();
            batchPoints = 0;
            batchChart.setData(0, List.of(), List.of());
        }
        batchChart.appendData(String.valueOf(p.batch()), Collections.singletonList(finite(p.loss())));
        batchPoints++;
    }

    private void updateSignals() {
        OverfittingReport report = detector.analyze(epochs);
        List<Double> bestLoss = new ArrayList<>();
        List<Double> overLoss = new ArrayList<>();
        List<Double> bestAcc = new ArrayList<>();
        List<Double> overAcc = new ArrayList<>();
        SortedSet<Integer> flagged = report.flaggedEpochs();
        for (EpochMetrics m : epochs) {
            boolean best = m.epoch() == report.bestEpoch();
            boolean over = flagged.contains(m.epoch());
            bestLoss.add(best ? finite(m.validationLoss()) : null);
            overLoss.add(over ? finite(m.validationLoss()) : null);
            bestAcc.add(best ? percent(m.validationAccuracy()) : null);
            overAcc.add(over ? percent(m.validationAccuracy()) : null);
        }
        lossChart.setData(LiveCharts.BEST, bestLoss, null);
        lossChart.setData(LiveCharts.OVERFITTING, overLoss, null);
        accuracyChart.setData(LiveCharts.BEST, bestAcc, null);
        accuracyChart.setData(LiveCharts.OVERFITTING, overAcc, null);
        if (epochs.isEmpty()) {
            overfitting.setText("The overfitting check starts after the first epochs.");
        } else if (epochs.stream().allMatch(m -> Double.isNaN(m.validationLoss()))) {
            overfitting.setText("No validation split: overfitting cannot be judged during training.");
        } else {
            overfitting.setText(report.summary());
        }
        overfitting.getStyle().set("background", report.overfitting() ? "var(--lumo-error-color-10pct)"
                : "var(--lumo-contrast-5pct)");
        overfitting.getElement().setAttribute("data-overfitting", String.valueOf(report.overfitting()));
    }

    private void cancelRun() {
        cancel.setEnabled(false);
        cancel.setText("Cancelling…");
        queue.cancel(runId);
    }

    private void setStatus(RunStatus s) {
        runStatus = s;
        status.setText(switch (s) {
            case QUEUED -> "Queued";
            case RUNNING -> "Running";
            case FINISHED -> "Finished";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
            case INTERRUPTED -> "Interrupted";
        });
        status.getElement().setAttribute("data-status", s.name());
        String[] colors = switch (s) {
            case FINISHED -> new String[] {"var(--lumo-success-color-10pct)", "var(--lumo-success-text-color)"};
            case FAILED, INTERRUPTED -> new String[] {"var(--lumo-error-color-10pct)", "var(--lumo-error-text-color)"};
            case RUNNING -> new String[] {"var(--lumo-primary-color-10pct)", "var(--lumo-primary-text-color)"};
            default -> new String[] {"var(--lumo-contrast-10pct)", "var(--lumo-body-text-color)"};
        };
        status.getStyle().set("background", colors[0]).set("color", colors[1])
                .set("padding", "0.2em 0.7em").set("border-radius", "1em").set("font-weight", "600")
                .set("font-size", "var(--lumo-font-size-s)");
        cancel.setVisible(s.active());
        if (s == RunStatus.QUEUED) {
            progressText.setText(queueText());
        }
    }

    private String queueText() {
        List<RunRecord> active = queue.activeRuns();
        int position = 0;
        for (RunRecord r : active) {
            if (r.status() == RunStatus.QUEUED) {
                position++;
                if (r.id() == runId) {
                    return "Waiting in the queue: position " + position + " of "
                            + active.stream().filter(a -> a.status() == RunStatus.QUEUED).count() + ".";
                }
            }
        }
        return "Waiting in the queue.";
    }

    private void showFinished(Double testAccuracy) {
        result.removeAll();
        String acc = testAccuracy == null ? "not measured" : String.format(Locale.ROOT, "%.2f %%", testAccuracy * 100);
        Span text = new Span("Finished. Test accuracy: " + acc + ". ");
        text.setId("test-accuracy");
        Anchor details = new Anchor("runs/" + runId, "Open the run's details");
        details.setId("details-link");
        result.add(text, details);
        result.getStyle().set("background", "var(--lumo-success-color-10pct)");
        result.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM);
        result.setVisible(true);
    }

    private void showFailed(String message) {
        showResult("Training failed: " + (message == null || message.isBlank() ? "no reason was recorded" : message), true);
    }

    private void showResult(String text, boolean error) {
        result.removeAll();
        Span span = new Span(text);
        result.add(span);
        result.getStyle().set("background", error ? "var(--lumo-error-color-10pct)" : "var(--lumo-contrast-5pct)");
        result.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM);
        result.setVisible(true);
    }

    static String formatEta(long millis) {
        if (millis < 0) {
            return "–";
        }
        long s = Math.round(millis / 1000.0);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double percent(double v) {
        return Double.isFinite(v) ? v * 100 : null;
    }

    /** A list that may hold nulls (gaps in a chart; List.of refuses them). */
    private static List<Double> nullable(Double... values) {
        return Arrays.asList(values);
    }

    /** For tests: whether this view currently listens to the training service. */
    boolean isListening() {
        return unsubscribe != null;
    }

    int batchPointsShown() {
        return batchPoints;
    }

    BatchProgress lastProgress() {
        return lastProgress;
    }
}
