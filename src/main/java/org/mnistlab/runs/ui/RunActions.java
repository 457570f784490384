package org.mnistlab.runs.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.mnistlab.base.ui.CopyLinkButton;
import org.mnistlab.runs.MetricsExport;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunReport;
import org.mnistlab.training.RunStore;
import org.mnistlab.base.ui.LabIcon;

/**
 * What can be done with a run: re-run, clone into the configurator, export, download the model, rename,
 * cancel (while active) and delete. Downloads read the run afresh; the rest is left to the {@link Handler}.
 */
class RunActions extends HorizontalLayout {

    /** The actions that change runs. */
    interface Handler {
        void rerun(RunRecord run);

        void rename(RunRecord run);

        void cancel(RunRecord run);

        void delete(RunRecord run);
    }

    private final RunStore store;

    /**
     * @param mayChange whether the user may rename, cancel and delete this run (the buttons are absent otherwise)
     * @param maySubmit whether the user may start runs (re-run)
     */
    RunActions(RunRecord run, RunStore store, MetricsExport export, Handler handler, boolean mayChange,
               boolean maySubmit) {
        this.store = store;
        Button rerun = new Button("Re-run", LabIcon.Name.REFRESH.create(), e -> handler.rerun(run));
        rerun.setId("rerun");
        rerun.setTooltipText("Train again with exactly this configuration (same seed)");
        rerun.setVisible(maySubmit);
        Button clone = new Button("Clone into configurator", LabIcon.Name.COPY_O.create(),
                e -> UI.getCurrent().navigate(TrainView.class, TrainView.copying(run.id())));
        clone.setId("clone");
        String stem = MetricsExport.fileStem(run);
        add(rerun, clone, download(run.id(), "export-csv", "Export CSV", stem + "-metrics.csv", "text/csv", export::csv),
                download(run.id(), "export-json", "Export JSON", stem + ".json", "application/json", export::json));
        store.modelFile(run.id()).ifPresent(path -> add(modelDownload(stem, path)));
        Button rename = new Button("Rename", LabIcon.Name.EDIT.create(), e -> handler.rename(run));
        rename.setId("rename");
        rename.setVisible(mayChange);
        add(rename, new CopyLinkButton());
        Button delete = new Button("Delete", LabIcon.Name.TRASH.create(), e -> handler.delete(run));
        delete.setId("delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setVisible(mayChange);
        if (run.status().active() && mayChange) {
            Button cancel = new Button("Cancel run", LabIcon.Name.STOP.create(), e -> handler.cancel(run));
            cancel.setId("cancel-run");
            add(cancel);
            delete.setEnabled(false);
            delete.setTooltipText("Cancel the run before deleting it");
        }
        add(delete);
        setWrap(true);
        setAlignItems(FlexComponent.Alignment.CENTER);
    }

    private Anchor download(long runId, String id, String text, String fileName, String contentType,
                            Function<RunReport, String> content) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            Optional<RunReport> fresh = store.report(runId);
            if (fresh.isEmpty()) {
                return DownloadResponse.error(404, "Run " + runId + " no longer exists");
            }
            byte[] bytes = content.apply(fresh.get()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        }), AttachmentType.DOWNLOAD, "");
        a.setId(id);
        a.add(new Button(text, LabIcon.Name.DOWNLOAD.create()));
        return a;
    }

    private static Anchor modelDownload(String stem, Path path) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            if (!Files.isRegularFile(path)) {
                return DownloadResponse.error(404, "The model file is gone");
            }
            InputStream in = Files.newInputStream(path);
            return new DownloadResponse(in, stem + "-model.zip", "application/zip", Files.size(path));
        }), AttachmentType.DOWNLOAD, "");
        a.setId("download-model");
        a.add(new Button("Download model", LabIcon.Name.DOWNLOAD_ALT.create()));
        return a;
    }
}
