package org.mnistlab.runs.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.UiEventPump;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.insight.LayerDiagnosticsStore;
import org.mnistlab.insight.ui.LayerDiagnosticsPanel;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.OverfittingDetector;
import org.mnistlab.training.OverfittingReport;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.TrainingEnd;

/**
 * The live dashboard of one run, at a shareable URL. Opening it mid-run draws the stored epochs and the
 * latest batch progress, then follows the run's events over push (no polling). Any number of tabs can watch
 * the same run; each gets its events through its own {@link UiEventPump}, throttled for batch progress.
 */
@RolesAllowed(Roles.VIEWER)
@Route("runs/:" + RunDetailView.RUN_ID + "/live")
public class LiveRunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RunQueue queue;
    private final RunStore store;
    private final OverfittingDetector detector = new OverfittingDetector();
    private final UiEventPump<RunEvent> pump;

    private final LiveRunHeader header = new LiveRunHeader(this::cancelRun);
    private final ProgressPanel progress = new ProgressPanel();
    private final VerdictPanel verdict = new VerdictPanel();
    private final LiveCurves curves = new LiveCurves();
    private final LayerDiagnosticsStore diagnostics;
    private final LayerDiagnosticsPanel layers = new LayerDiagnosticsPanel();
    private final Div body = new Div(header, progress, verdict, curves, layers);
    /** Set when the URL names no run id; the page then says so instead of following a run. */
    private RunNotFound notARunId;

    private volatile long runId = -1;
    private RunRecord record;
    private RunStatus runStatus;
    private int totalEpochs;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private BatchProgress lastProgress;

    public LiveRunView(RunQueue queue, RunStore store, LayerDiagnosticsStore diagnostics,
                       UiPushScheduler pushScheduler) {
        this.queue = queue;
        this.store = store;
        this.diagnostics = diagnostics;
        setWidthFull();
        body.setWidthFull();
        add(body);
        // Subscribed before the store is read, so nothing published in between is lost; epochs already drawn
        // from the store are skipped when their events arrive.
        pump = new UiEventPump<RunEvent>(this, pushScheduler, queue::subscribe, this::apply)
                .accepting(e -> e.runId() == runId)
                .latestOnly(RunEvent.BatchProgressed.class::isInstance)
                .onSubscribed(this::load);
    }

    static RouteParameters params(long runId) {
        return RunDetailView.params(runId);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OptionalLong id = RunNotFound.runId(event);
        runId = id.orElse(-1);
        notARunId = id.isPresent() ? null : RunNotFound.notARunId(event);
    }

    @Override
    public String getPageTitle() {
        return (record != null ? record.name() : "Run " + runId) + " · live · MNIST Lab";
    }

    private void load() {
        Optional<RunRecord> found = notARunId != null ? Optional.empty() : store.findById(runId);
        if (found.isEmpty()) {
            pump.stop();
            removeAll();
            add(notARunId != null ? notARunId : RunNotFound.missing(runId));
            return;
        }
        showRecord(found.get());
        epochs.clear();
        epochs.addAll(store.epochs(runId));
        showEpochs();
        layers.show(diagnostics.forRun(runId));
        if (runStatus.active() && !epochs.isEmpty()) {
            progress.epochDone(epochs.get(epochs.size() - 1), totalEpochs);
        }
        if (runStatus.active()) {
            queue.latestProgress(runId).ifPresent(this::showProgress);
        } else {
            pump.stop();
        }
    }

    private void showRecord(RunRecord run) {
        record = run;
        totalEpochs = run.config().epochs();
        header.setMayCancel(queue.mayChange(run));
        header.show(run);
        setStatus(run.status());
        switch (run.status()) {
            case FINISHED -> {
                TrainingEnd end = run.trainingEnd().orElse(null);
                progress.complete(end);
                verdict.showFinished(runId, run.testAccuracy(), end);
            }
            case FAILED -> verdict.showFailed(run.errorMessage());
            case CANCELLED -> verdict.showResult("Cancelled after " + run.epochsDone() + " of " + totalEpochs
                    + " epochs.", false);
            case INTERRUPTED -> verdict.showResult("Interrupted: the server stopped during this run after "
                    + run.epochsDone() + " of " + totalEpochs + " epochs.", true);
            default -> {
            }
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
                header.started(s.images());
                progress.say("Started: " + s.totalEpochs() + " epochs of " + s.batchesPerEpoch() + " batches on "
                        + Format.count(s.images().train()) + " training images, validating on "
                        + Format.count(s.images().validation()));
            } else if (event instanceof RunEvent.BatchProgressed b) {
                showProgress(b.progress());
            } else if (event instanceof RunEvent.EpochFinished f) {
                addEpoch(f.metrics());
            } else if (event instanceof RunEvent.LayersMeasured m) {
                layers.add(m.diagnostics());
            } else if (event instanceof RunEvent.Finished f) {
                setStatus(RunStatus.FINISHED);
                progress.complete(f.end());
                verdict.showFinished(runId, f.testAccuracy(), f.end());
                pump.stop();
            } else if (event instanceof RunEvent.Failed f) {
                setStatus(RunStatus.FAILED);
                verdict.showFailed(f.message());
                pump.stop();
            } else if (event instanceof RunEvent.Cancelled) {
                setStatus(RunStatus.CANCELLED);
                verdict.showResult("Cancelled after " + epochs.size() + " of " + totalEpochs + " epochs.", false);
                pump.stop();
            } else if (event instanceof RunEvent.Changed) {
                store.findById(runId).ifPresentOrElse(r -> {
                    record = r;
                    header.rename(r.name());
                }, () -> verdict.showResult("This run was deleted.", true));
            }
        }
    }

    private void addEpoch(EpochMetrics m) {
        if (!epochs.isEmpty() && m.epoch() <= epochs.get(epochs.size() - 1).epoch()) {
            return; // already drawn from the store
        }
        epochs.add(m);
        showEpochs();
        progress.epochDone(m, totalEpochs);
    }

    private void showEpochs() {
        OverfittingReport report = detector.analyze(epochs);
        curves.showEpochs(epochs, report);
        verdict.showOverfitting(epochs, report);
    }

    private void showProgress(BatchProgress p) {
        if (runStatus != null && !runStatus.active()) {
            return;
        }
        if (p.phase() != BatchProgress.Phase.TESTING && !epochs.isEmpty()
                && p.epoch() <= epochs.get(epochs.size() - 1).epoch()) {
            return; // a batch of an epoch whose result is already shown
        }
        if (runStatus == RunStatus.QUEUED) {
            setStatus(RunStatus.RUNNING);
        }
        lastProgress = p;
        totalEpochs = p.totalEpochs();
        progress.batch(p);
        curves.addBatch(p);
    }

    private void cancelRun() {
        queue.cancel(runId);
    }

    private void setStatus(RunStatus s) {
        runStatus = s;
        header.setStatus(s);
        if (s == RunStatus.QUEUED) {
            progress.say(queueText());
        }
    }

    private String queueText() {
        List<RunRecord> waiting = queue.activeRuns().stream().filter(r -> r.status() == RunStatus.QUEUED).toList();
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).id() == runId) {
                return "Waiting in the queue: position " + (i + 1) + " of " + waiting.size() + ".";
            }
        }
        return "Waiting in the queue.";
    }


    int layerEpochsShown() {
        return layers.epochsShown();
    }

    int batchPointsShown() {
        return curves.batchPointsShown();
    }

    BatchProgress lastProgress() {
        return lastProgress;
    }
}
