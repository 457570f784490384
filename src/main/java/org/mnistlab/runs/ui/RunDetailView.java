package org.mnistlab.runs.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import java.util.OptionalLong;
import org.mnistlab.base.ui.AfterFirstPaint;
import org.mnistlab.base.ui.Notifications;
import org.mnistlab.base.ui.UiEventPump;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.DatasetUnavailableException;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.insight.LayerDiagnosticsStore;
import org.mnistlab.insight.EmbeddingService;
import org.mnistlab.insight.ModelInsight;
import org.mnistlab.insight.ui.LayerDiagnosticsPanel;
import org.mnistlab.insight.ui.RunInsightPanel;
import org.mnistlab.training.RunStatus;
import org.mnistlab.runs.MetricsExport;
import org.mnistlab.training.InvalidConfigException;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.TimeToAccuracy;
import org.mnistlab.training.RunReport;
import org.mnistlab.training.RunStore;

/**
 * One run: what it was (reproducibility card), how it learned (curves with the best epoch), and how it does
 * on the test set. Actions re-run, clone, export, download, rename and delete it. Reloads when the run
 * changes (epochs, status, name); batch progress belongs to the live dashboard.
 */
@RolesAllowed(Roles.VIEWER)
@Route("runs/:" + RunDetailView.RUN_ID)
public class RunDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        RunActions.Handler {

    /** The route parameter of both run pages (this one and the live dashboard). */
    static final String RUN_ID = "runId";

    private final MetricsExport export;
    private final RunStore store;
    private final RunQueue queue;
    private final DatasetService datasets;
    private final LayerDiagnosticsStore diagnostics;
    private final ModelInsight models;
    private final EmbeddingService embeddings;
    private final UiPushScheduler pushScheduler;

    private volatile long runId;
    private String pageTitle = "Run · MNIST Lab";
    private RunReport report;

    public RunDetailView(MetricsExport export, RunStore store, RunQueue queue, DatasetService datasets,
                         LayerDiagnosticsStore diagnostics, UiPushScheduler pushScheduler, ModelInsight models,
                         EmbeddingService embeddings) {
        this.diagnostics = diagnostics;
        this.models = models;
        this.embeddings = embeddings;
        this.pushScheduler = pushScheduler;
        this.export = export;
        this.store = store;
        this.queue = queue;
        this.datasets = datasets;
        setWidthFull();
        setMaxWidth("1400px");
        new UiEventPump<RunEvent>(this, pushScheduler, queue::subscribe, events -> load())
                .accepting(e -> e.runId() == runId && !(e instanceof RunEvent.BatchProgressed)
                        && !(e instanceof RunEvent.LayersMeasured));
    }

    public static RouteParameters params(long runId) {
        return new RouteParameters(RUN_ID, String.valueOf(runId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OptionalLong id = RunNotFound.runId(event);
        if (id.isEmpty()) {
            runId = -1;
            showMissing(RunNotFound.notARunId(event));
            return;
        }
        runId = id.getAsLong();
        load();
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    RunReport report() {
        return report;
    }

    /** Counts load() calls, so the second part of a page that has been rebuilt since is dropped. */
    private int loads;

    private void load() {
        removeAll();
        report = store.report(runId).orElse(null);
        if (report == null) {
            showMissing(RunNotFound.missing(runId));
            return;
        }
        RunRecord run = report.run();
        pageTitle = RunFormat.name(run) + " · MNIST Lab";
        add(header(run), new RunActions(run, store, export, this, queue.mayChange(run), queue.maySubmit()));
        RunSummary.message(run).ifPresent(this::add);
        EvaluationPanel evaluation = new EvaluationPanel(run, report.evaluation(),
                report.evaluation() == null ? null : testImages(run));
        add(RunSummary.stats(run), timeToAccuracy(run), new ReproducibilityCard(run), new CurvesPanel(report),
                evaluation);
        // the parts below the matrix come in a second response: the summary, curves and matrix show first
        int loaded = ++loads;
        AfterFirstPaint.run(this, () -> {
            if (loaded != loads) {
                return; // the page was rebuilt meanwhile (another run, or this one's next event)
            }
            evaluation.showBelow();
            addInsight(run);
            addModelInsight(run, evaluation);
        });
    }

    /** Filters, the learned-feature map and a closer look at misclassified images, for a run with a model. */
    private void addModelInsight(RunRecord run, EvaluationPanel evaluation) {
        if (run.status() != RunStatus.FINISHED || store.modelFile(run.id()).isEmpty()) {
            return;
        }
        RunInsightPanel panel = new RunInsightPanel(run.id(), run.dataset(), models, embeddings, datasets,
                pushScheduler);
        evaluation.onMisclassifiedClick(panel::explain);
        add(panel);
    }

    /** The run's layer diagnostics, when it has any (runs trained before they were measured have none). */
    private void addInsight(RunRecord run) {
        var layers = diagnostics.forRun(run.id());
        if (!layers.isEmpty()) {
            LayerDiagnosticsPanel panel = new LayerDiagnosticsPanel();
            panel.show(layers);
            add(panel);
        }
    }

    /** When validation accuracy first reached each target, from the run's epochs. */
    private Component timeToAccuracy(RunRecord run) {
        return TimeToAccuracyFormat.line(TimeToAccuracy.of(run.dataset(), report.epochs()));
    }

    private LabeledImages testImages(RunRecord run) {
        try {
            return datasets.samples(run.dataset(), Split.TEST);
        } catch (DatasetUnavailableException e) {
            return null;
        }
    }

    private void showMissing(RunNotFound page) {
        removeAll();
        report = null;
        add(page);
    }

    private static Component header(RunRecord run) {
        H2 name = new H2(RunFormat.name(run));
        name.setId("run-name");
        name.addClassName(Margin.NONE);
        Span id = new Span("#" + run.id());
        id.addClassName(TextColor.SECONDARY);
        StatusBadge status = new StatusBadge(run.status());
        status.setId("run-status");
        HorizontalLayout header = new HorizontalLayout(name, id, status);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (run.status().active()) {
            RouterLink live = new RouterLink("Open the live dashboard", LiveRunView.class, LiveRunView.params(run.id()));
            live.setId("live-link");
            header.add(live);
        }
        return header;
    }

    @Override
    public void rerun(RunRecord run) {
        try {
            RunRecord queued = queue.submit(run.rerunConfig(), queue.currentUser().orElse(null));
            Notifications.success("Run #" + queued.id() + " queued with the same configuration as #" + run.id());
            UI.getCurrent().navigate(LiveRunView.class, LiveRunView.params(queued.id()));
        } catch (InvalidConfigException e) {
            Notifications.error("This configuration cannot run any more: " + e.getMessage());
        } catch (RuntimeException e) {
            Notifications.error("Could not start the run: " + e.getMessage());
        }
    }

    @Override
    public void rename(RunRecord run) {
        RenameDialog dialog = new RenameDialog(RunFormat.name(run));
        dialog.addSaveListener(e -> {
            try {
                queue.rename(run.id(), e.value());
                dialog.close();
                Notifications.success("Renamed to \"" + e.value() + "\"");
                load();
            } catch (RuntimeException ex) {
                dialog.showError(ex.getMessage());
            }
        });
        dialog.open();
    }

    @Override
    public void cancel(RunRecord run) {
        queue.cancel(run.id());
        Notifications.success("Cancelling run #" + run.id());
    }

    @Override
    public void delete(RunRecord run) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("delete-confirm");
        confirm.setHeader("Delete \"" + RunFormat.name(run) + "\"?");
        confirm.setText("Its metrics, test evaluation and model file are removed. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> deleteConfirmed(run));
        confirm.open();
    }

    private void deleteConfirmed(RunRecord run) {
        try {
            queue.delete(run.id());
            Notifications.success("Deleted \"" + RunFormat.name(run) + "\"");
            UI.getCurrent().navigate(RunsView.class);
        } catch (RuntimeException e) {
            Notifications.error("Could not delete the run: " + e.getMessage());
        }
    }
}
