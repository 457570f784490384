package org.mnistlab.dataset.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.concurrent.CompletionException;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.DatasetStatus;

/**
 * Stands in for a view's content until its dataset is in memory: a progress bar while the files download
 * or load (live, via {@link DatasetService#subscribe}), and when the dataset cannot be used, the reason
 * (naming the file and the problem) with a retry button. The rest of the app keeps working meanwhile.
 */
public class DatasetStatusPanel extends Div {

    private final DatasetService datasets;
    private final Span message = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Button retry = new Button("Try again", VaadinIcon.REFRESH.create());
    private DatasetKind awaited;
    private Runnable onReady;
    private Runnable unsubscribe;

    public DatasetStatusPanel(DatasetService datasets) {
        this.datasets = datasets;
        setId("dataset-status");
        addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Width.FULL,
                LumoUtility.BoxSizing.BORDER);
        message.setId("dataset-status-message");
        message.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        retry.setId("dataset-retry");
        retry.addClickListener(e -> {
            if (awaited != null) {
                await(awaited, onReady);
            }
        });
        add(message, progress, retry);
        setVisible(false);
    }

    /**
     * Runs {@code ready} once the dataset is in memory: at once when it already is, otherwise after a
     * background load while this panel shows progress, or never when it fails (the panel shows why).
     */
    public void await(DatasetKind kind, Runnable ready) {
        this.awaited = kind;
        this.onReady = ready;
        if (datasets.isLoaded(kind)) {
            setVisible(false);
            ready.run();
            return;
        }
        showStatus(datasets.status(kind));
        UI ui = UI.getCurrent();
        datasets.loadInBackground(kind).whenComplete((ok, error) -> ui.access(() -> {
            if (awaited != kind) {
                return; // the user has moved on to another dataset
            }
            if (error == null) {
                setVisible(false);
                ready.run();
            } else {
                showFailure(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause().getMessage() : error.getMessage());
            }
        }));
    }

    private void showStatus(DatasetStatus status) {
        setVisible(true);
        getStyle().set("background", "var(--lumo-contrast-5pct)");
        retry.setVisible(false);
        progress.setVisible(true);
        switch (status.state()) {
            case DOWNLOADING -> {
                message.setText(status.kind().displayName() + ": " + status.message());
                progress.setIndeterminate(status.progress() < 0);
                progress.setValue(Math.max(0, status.progress()));
            }
            case LOADING -> {
                message.setText(status.kind().displayName() + ": reading and checking the files…");
                progress.setIndeterminate(true);
            }
            default -> {
                message.setText("Loading " + status.kind().displayName() + "…");
                progress.setIndeterminate(true);
            }
        }
    }

    private void showFailure(String why) {
        setVisible(true);
        getStyle().set("background", "var(--lumo-error-color-10pct)");
        message.setText(why + "\nPut valid files into that folder (or allow downloads) and try again.");
        progress.setVisible(false);
        retry.setVisible(true);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = datasets.subscribe(status -> ui.access(() -> {
            if (status.kind() == awaited && isVisible() && !retry.isVisible()
                    && status.state() != DatasetStatus.State.FAILED && status.state() != DatasetStatus.State.READY) {
                showStatus(status);
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }
}
