package org.mnistlab.runs.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.DatasetUnavailableException;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.runs.MetricsExport;
import org.mnistlab.training.RunReport;
import org.mnistlab.training.ClassMetrics;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.InvalidConfigException;
import org.mnistlab.training.Misclassified;
import org.mnistlab.training.OverfittingReport;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunQueue;

/**
 * One run: what it was (reproducibility card), how it learned (curves with the best epoch), and how it does
 * on the test set (confusion heat map with the images behind each cell, per-class table, the most
 * confidently wrong images). Actions re-run, clone, export, download, rename and delete it.
 */
@Route("runs/:runId")
public class RunDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String RUN_ID = "runId";
    /** Thumbnails per page of the gallery and per confusion cell. */
    static final int PAGE = 100;

    private final MetricsExport export;
    private final RunStore store;
    private final RunQueue queue;
    private final DatasetService datasets;

    private long runId;
    private RunReport report;
    private String pageTitle = "Run · MNIST Lab";
    private Runnable unsubscribe;
    private Throttle reload;

    ConfusionMatrix matrix;
    Div cellImages;
    Div gallery;

    public RunDetailView(MetricsExport export, RunStore store, RunQueue queue, DatasetService datasets) {
        this.export = export;
        this.store = store;
        this.queue = queue;
        this.datasets = datasets;
        setWidthFull();
        setMaxWidth("1400px");
    }

    static RouteParameters params(long runId) {
        return new RouteParameters(RUN_ID, String.valueOf(runId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get(RUN_ID).orElse("");
        try {
            runId = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            runId = -1;
            showMissing("'" + raw + "' is not a run id.");
            return;
        }
        show(runId);
    }

    /** Shows a run (what navigation to /runs/{id} does). */
    void show(long id) {
        runId = id;
        load();
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    RunReport report() {
        return report;
    }

    private void load() {
        removeAll();
        report = store.report(runId).orElse(null);
        if (report == null) {
            showMissing("Run " + runId + " does not exist; it may have been deleted.");
            return;
        }
        RunRecord run = report.run();
        pageTitle = RunFormat.name(run) + " · MNIST Lab";
        add(header(run), actions(run));
        message(run).ifPresent(this::add);
        add(summary(run), new ReproducibilityCard(run), curves(), evaluation(run));
    }

    private void showMissing(String text) {
        removeAll();
        report = null;
        Paragraph p = new Paragraph(text);
        p.setId("run-missing");
        add(new H2("Run not found"), p, new Anchor("runs", "Back to all runs"));
    }

    private Component header(RunRecord run) {
        H2 name = new H2(RunFormat.name(run));
        name.setId("run-name");
        name.getStyle().set("margin", "0");
        Span id = new Span("#" + run.id());
        id.getStyle().set("color", "var(--lumo-secondary-text-color)");
        StatusBadge status = new StatusBadge(run.status());
        status.setId("run-status");
        HorizontalLayout header = new HorizontalLayout(name, id, status);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (run.status().active()) {
            Anchor live = new Anchor("runs/" + run.id() + "/live", "Open the live dashboard");
            live.setId("live-link");
            header.add(live);
        }
        return header;
    }

    private Component actions(RunRecord run) {
        Button rerun = new Button("Re-run", VaadinIcon.REFRESH.create(), e -> rerun(run));
        rerun.setId("rerun");
        rerun.setTooltipText("Train again with exactly this configuration (same seed)");
        Button clone = new Button("Clone into configurator", VaadinIcon.COPY_O.create(),
                e -> UI.getCurrent().navigate("train", QueryParameters.of("from", String.valueOf(run.id()))));
        clone.setId("clone");
        String stem = MetricsExport.fileStem(run);
        Anchor csv = download("export-csv", "Export CSV", stem + "-metrics.csv", "text/csv", export::csv);
        Anchor json = download("export-json", "Export JSON", stem + ".json", "application/json", export::json);
        Button rename = new Button("Rename", VaadinIcon.EDIT.create(), e -> openRename(run));
        rename.setId("rename");
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete(run));
        delete.setId("delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(rerun, clone, csv, json);
        store.modelFile(run.id()).ifPresent(path -> actions.add(modelDownload(stem, path)));
        actions.add(rename);
        if (run.status().active()) {
            Button cancel = new Button("Cancel run", VaadinIcon.STOP.create(), e -> {
                queue.cancel(run.id());
                Notifications.info("Cancelling run #" + run.id());
            });
            cancel.setId("cancel-run");
            actions.add(cancel);
            delete.setEnabled(false);
            delete.setTooltipText("Cancel the run before deleting it");
        }
        actions.add(delete);
        actions.setWrap(true);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        return actions;
    }

    private Anchor download(String id, String text, String fileName, String contentType,
                            Function<RunReport, String> content) {
        long target = runId;
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            Optional<RunReport> fresh = store.report(target);
            if (fresh.isEmpty()) {
                return DownloadResponse.error(404, "Run " + target + " no longer exists");
            }
            byte[] bytes = content.apply(fresh.get()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        }), AttachmentType.DOWNLOAD, "");
        a.setId(id);
        a.add(new Button(text, VaadinIcon.DOWNLOAD.create()));
        return a;
    }

    private Anchor modelDownload(String stem, Path path) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            if (!Files.isRegularFile(path)) {
                return DownloadResponse.error(404, "The model file is gone");
            }
            InputStream in = Files.newInputStream(path);
            return new DownloadResponse(in, stem + "-model.zip", "application/zip", Files.size(path));
        }), AttachmentType.DOWNLOAD, "");
        a.setId("download-model");
        a.add(new Button("Download model", VaadinIcon.DOWNLOAD_ALT.create()));
        return a;
    }

    private void rerun(RunRecord run) {
        try {
            RunRecord queued = queue.submit(run.config());
            Notifications.info("Run #" + queued.id() + " queued with the same configuration");
            String live = "runs/" + queued.id() + "/live";
            if (RouteConfiguration.forApplicationScope().getRoute(live).isPresent()) {
                UI.getCurrent().navigate(live);
            } else {
                UI.getCurrent().navigate(RunDetailView.class, params(queued.id()));
            }
        } catch (InvalidConfigException e) {
            Notifications.error("This configuration cannot run any more: " + e.getMessage());
        } catch (RuntimeException e) {
            Notifications.error("Could not start the run: " + e.getMessage());
        }
    }

    private void openRename(RunRecord run) {
        RenameDialog dialog = new RenameDialog(RunFormat.name(run));
        dialog.addSaveListener(e -> {
            try {
                queue.rename(run.id(), e.name());
                dialog.close();
                Notifications.info("Renamed to \"" + e.name() + "\"");
                load();
            } catch (RuntimeException ex) {
                dialog.showError(ex.getMessage());
            }
        });
        dialog.open();
    }

    private void confirmDelete(RunRecord run) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("delete-confirm");
        confirm.setHeader("Delete \"" + RunFormat.name(run) + "\"?");
        confirm.setText("Its metrics, test evaluation and model file are removed. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> delete(run));
        confirm.open();
    }

    void delete(RunRecord run) {
        try {
            queue.delete(run.id());
            Notifications.info("Deleted \"" + RunFormat.name(run) + "\"");
            UI.getCurrent().navigate(RunsView.class);
        } catch (RuntimeException e) {
            Notifications.error("Could not delete the run: " + e.getMessage());
        }
    }

    private Optional<Component> message(RunRecord run) {
        String text = switch (run.status()) {
            case FAILED -> "This run failed" + suffix(run.errorMessage());
            case INTERRUPTED -> "This run was interrupted (the server stopped while it was "
                    + (run.epochsDone() == 0 ? "queued or starting" : "training") + "). Its " + run.epochsDone()
                    + " finished epochs are kept; re-run it to train again" + suffix(run.errorMessage());
            case CANCELLED -> "This run was cancelled after " + run.epochsDone() + " of " + run.epochsPlanned()
                    + " epochs" + suffix(run.errorMessage());
            default -> null;
        };
        if (text == null) {
            return Optional.empty();
        }
        Div box = new Div(new Span(text));
        box.setId("run-message");
        Styles.apply(box, "padding:var(--lumo-space-s) var(--lumo-space-m); border-radius:var(--lumo-border-radius-m);"
                + " background:" + (run.status() == RunStatus.CANCELLED ? "var(--lumo-contrast-5pct)"
                : "var(--lumo-error-color-10pct); color:var(--lumo-error-text-color)"));
        return Optional.of(box);
    }

    private static String suffix(String message) {
        return message == null || message.isBlank() ? "." : ": " + message;
    }

    private Component summary(RunRecord run) {
        Div stats = new Div();
        stats.setId("run-summary");
        Styles.apply(stats, "display:flex; flex-wrap:wrap; gap:var(--lumo-space-l)");
        stats.add(stat("Test accuracy", RunFormat.percent(run.testAccuracy()), "stat-test-accuracy"),
                stat("Test loss", RunFormat.decimal(run.testLoss(), 4), "stat-test-loss"),
                stat("Best validation accuracy", RunFormat.bestValidation(run), "stat-best"),
                stat("Epochs", RunFormat.epochs(run), "stat-epochs"),
                stat("Duration", RunFormat.duration(run.duration()), "stat-duration"),
                stat("Parameters", RunFormat.count(run.parameterCount()), "stat-parameters"),
                stat("Dataset · model", run.dataset().displayName() + " · " + run.architecture().displayName(),
                        "stat-model"));
        return stats;
    }

    private static Component stat(String label, String value, String id) {
        Span l = new Span(label);
        Styles.apply(l, "font-size:var(--lumo-font-size-xs); color:var(--lumo-secondary-text-color)");
        Span v = new Span(value);
        v.setId(id);
        Styles.apply(v, "font-size:var(--lumo-font-size-l); font-weight:600");
        Div d = new Div(l, v);
        Styles.apply(d, "display:flex; flex-direction:column");
        return d;
    }

    private Component curves() {
        Div box = new Div();
        box.setWidthFull();
        if (report.epochs().isEmpty()) {
            box.add(new H3("Learning curves"), new Paragraph("No finished epochs yet."));
            return box;
        }
        ChartJs loss = new ChartJs(RunCharts.loss(report));
        loss.setId("loss-chart");
        ChartJs accuracy = new ChartJs(RunCharts.accuracy(report));
        accuracy.setId("accuracy-chart");
        Div charts = new Div(loss, accuracy);
        Styles.apply(charts, "display:grid; grid-template-columns:repeat(auto-fit, minmax(420px, 1fr));"
                + " gap:var(--lumo-space-m)");
        OverfittingReport overfitting = report.overfitting();
        Paragraph verdict = new Paragraph(overfitting.overfitting()
                ? overfitting.signals().get(overfitting.signals().size() - 1).message()
                : "No sign of overfitting" + (overfitting.bestEpoch() > 0 ? "." : " (this run has no validation split)."));
        verdict.setId("overfitting-summary");
        if (overfitting.overfitting()) {
            verdict.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        box.add(new H3("Learning curves"), charts, verdict);
        return box;
    }

    private Component evaluation(RunRecord run) {
        Div box = new Div();
        box.setWidthFull();
        Evaluation ev = report.evaluation();
        if (ev == null) {
            box.add(new H3("Test set"), new Paragraph(run.status().active()
                    ? "The test-set evaluation appears when the run finishes."
                    : "This run has no test-set evaluation."));
            return box;
        }
        DatasetKind kind = run.dataset();
        LabeledImages test;
        try {
            test = datasets.samples(kind, Split.TEST);
        } catch (DatasetUnavailableException e) {
            test = null;
        }
        matrix = new ConfusionMatrix(ev.confusion(), kind.classNames());
        matrix.setId("confusion-matrix");
        cellImages = new Div();
        cellImages.setId("cell-images");
        Styles.apply(cellImages, "flex:1; min-width:280px");
        cellImages.add(new Paragraph("Click a cell to see its test images."));
        LabeledImages images = test;
        matrix.addCellSelectedListener(e -> showCell(ev, kind, images, e.actual(), e.predicted(), e.count()));
        Div matrixRow = new Div(matrix, cellImages);
        Styles.apply(matrixRow, "display:flex; flex-wrap:wrap; gap:var(--lumo-space-l); align-items:flex-start");
        box.add(new H3("Test set: confusion matrix (accuracy " + RunFormat.percent(ev.accuracy()) + ")"), matrixRow);

        box.add(new H3("Per-class precision, recall and F1"), perClassGrid(ev, kind));

        box.add(new H3("Misclassified test images (" + ev.misclassified().size()
                + "), most confidently wrong first"));
        if (images == null) {
            box.add(new Paragraph(kind.displayName() + " is not available, so its images cannot be shown."));
            return box;
        }
        gallery = DigitTile.gallery("misclassified");
        Button more = new Button();
        more.setId("more-misclassified");
        int[] shown = {0};
        Runnable nextPage = () -> {
            List<Misclassified> page = ev.misclassified().subList(shown[0],
                    Math.min(ev.misclassified().size(), shown[0] + PAGE));
            page.forEach(m -> gallery.add(tile(kind, images, m)));
            shown[0] += page.size();
            int left = ev.misclassified().size() - shown[0];
            more.setText("Show " + Math.min(PAGE, left) + " more (" + left + " left)");
            more.setVisible(left > 0);
        };
        more.addClickListener(e -> nextPage.run());
        nextPage.run();
        box.add(gallery, more);
        return box;
    }

    private Grid<ClassMetrics> perClassGrid(Evaluation ev, DatasetKind kind) {
        Grid<ClassMetrics> grid = new Grid<>();
        grid.setId("per-class");
        grid.addColumn(c -> kind.className(c.label())).setHeader("Class").setSortable(true)
                .setComparator(ClassMetrics::label);
        grid.addColumn(c -> RunFormat.decimal(c.precision(), 3)).setHeader("Precision")
                .setComparator(ClassMetrics::precision).setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> RunFormat.decimal(c.recall(), 3)).setHeader("Recall")
                .setComparator(ClassMetrics::recall).setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> RunFormat.decimal(c.f1(), 3)).setHeader("F1")
                .setComparator(ClassMetrics::f1).setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(ClassMetrics::support).setHeader("Support")
                .setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.setItems(ev.perClass());
        grid.setAllRowsVisible(true);
        grid.setMaxWidth("44em");
        return grid;
    }

    /** The test images behind a confusion cell; correct cells list their images only when all errors are stored. */
    private void showCell(Evaluation ev, DatasetKind kind, LabeledImages images, int actual, int predicted, int count) {
        cellImages.removeAll();
        String pair = "True " + kind.className(actual) + ", predicted " + kind.className(predicted);
        H4 title = new H4(pair + ": " + count + (count == 1 ? " image" : " images"));
        title.setId("cell-images-title");
        title.getStyle().set("margin-top", "0");
        cellImages.add(title);
        if (images == null) {
            cellImages.add(new Paragraph(kind.displayName() + " is not available, so its images cannot be shown."));
            return;
        }
        Div tiles = DigitTile.gallery("cell-gallery");
        if (actual != predicted) {
            List<Misclassified> matching = ev.misclassified().stream()
                    .filter(m -> m.trueLabel() == actual && m.predictedLabel() == predicted).toList();
            matching.stream().limit(PAGE).forEach(m -> tiles.add(tile(kind, images, m)));
            if (matching.size() < count) {
                cellImages.add(new Paragraph("The run stored " + matching.size() + " of these images."));
            }
        } else {
            Set<Integer> wrong = new HashSet<>();
            int offDiagonal = 0;
            for (Misclassified m : ev.misclassified()) {
                wrong.add(m.testIndex());
            }
            for (int a = 0; a < ev.confusion().length; a++) {
                for (int p = 0; p < ev.confusion().length; p++) {
                    offDiagonal += a == p ? 0 : ev.confusion()[a][p];
                }
            }
            if (wrong.size() < offDiagonal) {
                cellImages.add(new Paragraph("Only misclassified images are stored with this run."));
                return;
            }
            List<Integer> correct = new ArrayList<>();
            for (int i = 0; i < images.size() && correct.size() < PAGE; i++) {
                if (images.label(i) == actual && !wrong.contains(i)) {
                    correct.add(i);
                }
            }
            for (int index : correct) {
                Div t = new DigitTile(images.image(index), kind.id() + "-test-" + index, "#" + index,
                        "Test image #" + index + ": " + kind.className(actual) + ", classified correctly");
                t.getElement().setAttribute("data-true", String.valueOf(actual));
                t.getElement().setAttribute("data-predicted", String.valueOf(actual));
                t.getElement().setAttribute("data-test-index", String.valueOf(index));
                tiles.add(t);
            }
            if (count > PAGE) {
                cellImages.add(new Paragraph("Showing the first " + PAGE + "."));
            }
        }
        cellImages.add(tiles);
    }

    private static DigitTile tile(DatasetKind kind, LabeledImages images, Misclassified m) {
        String caption = kind.className(m.trueLabel()) + " → " + kind.className(m.predictedLabel()) + " · "
                + String.format(Locale.ROOT, "%.0f %%", 100 * m.confidence());
        String tooltip = String.format(Locale.ROOT, "Test image #%d: true %s, predicted %s with %.1f %% confidence",
                m.testIndex(), kind.className(m.trueLabel()), kind.className(m.predictedLabel()), 100 * m.confidence());
        DigitTile t = new DigitTile(images.image(m.testIndex()), kind.id() + "-test-" + m.testIndex(), caption, tooltip);
        t.getElement().setAttribute("data-true", String.valueOf(m.trueLabel()));
        t.getElement().setAttribute("data-predicted", String.valueOf(m.predictedLabel()));
        t.getElement().setAttribute("data-test-index", String.valueOf(m.testIndex()));
        t.getElement().setAttribute("data-confidence", String.valueOf(m.confidence()));
        return t;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        reload = new Throttle(RunsView.REFRESH_MILLIS, () -> {
            try {
                ui.access(this::load);
            } catch (UIDetachedException ignored) {
                // closed meanwhile
            }
        });
        unsubscribe = queue.subscribe(event -> {
            // Epochs, status and renames of this run; batch progress belongs to the live dashboard.
            if (event.runId() == runId && !(event instanceof RunEvent.BatchProgressed)) {
                reload.trigger();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        if (reload != null) {
            reload.close();
        }
        super.onDetach(detachEvent);
    }
}
