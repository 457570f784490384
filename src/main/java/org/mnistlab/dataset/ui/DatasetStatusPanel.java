package org.mnistlab.dataset.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.mnistlab.base.ui.UiEventPump;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.DatasetStatus;
import org.mnistlab.base.ui.LabIcon;

/**
 * Stands in for a view's content until its dataset is in memory: a progress bar while the files download
 * or load (live, via {@link DatasetService#subscribe} and a {@link UiEventPump}), and when the dataset cannot be used, the reason
 * (naming the file and the problem) with a retry button. The rest of the app keeps working meanwhile.
 */
public class DatasetStatusPanel extends Div {

    private final DatasetService datasets;
    private final Span message = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Button retry = new Button("Try again", LabIcon.Name.REFRESH.create());
    private final UiEventPump<DatasetStatus> pump;
    private volatile DatasetKind awaited;
    private Runnable onReady;

    public DatasetStatusPanel(DatasetService datasets, UiPushScheduler pushScheduler) {
        this.datasets = datasets;
        setId("dataset-status");
        addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Width.FULL,
                LumoUtility.BoxSizing.BORDER);
        message.setId("dataset-status-message");
        message.addClassNames(LumoUtility.Whitespace.PRE_WRAP, "overflow-anywhere");
        retry.setId("dataset-retry");
        retry.addClickListener(e -> {
            if (awaited != null) {
                await(awaited, onReady);
            }
        });
        add(message, progress, retry);
        setVisible(false);
        // Progress comes from the service; the outcome from the load this panel started (see await).
        pump = new UiEventPump<DatasetStatus>(this, pushScheduler, datasets::subscribe, this::apply)
                .accepting(s -> s.kind() == awaited && !finished(s));
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
        datasets.loadInBackground(kind).whenComplete((ok, error) -> pump.offer(error == null
                ? new DatasetStatus(kind, DatasetStatus.State.READY, "", 1)
                : new DatasetStatus(kind, DatasetStatus.State.FAILED, error instanceof CompletionException
                        && error.getCause() != null ? error.getCause().getMessage() : error.getMessage(), -1)));
    }

    private static boolean finished(DatasetStatus status) {
        return status.state() == DatasetStatus.State.READY || status.state() == DatasetStatus.State.FAILED;
    }

    private void apply(List<DatasetStatus> statuses) {
        for (DatasetStatus status : statuses) {
            if (status.kind() != awaited) {
                continue; // the user has moved on to another dataset
            }
            if (status.ready()) {
                setVisible(false);
                onReady.run();
            } else if (status.state() == DatasetStatus.State.FAILED) {
                showFailure(status.message());
            } else if (isVisible() && !retry.isVisible()) {
                showStatus(status);
            }
        }
    }

    private void showStatus(DatasetStatus status) {
        setVisible(true);
        removeClassName(LumoUtility.Background.ERROR_10);
        addClassName(LumoUtility.Background.CONTRAST_5);
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
        removeClassName(LumoUtility.Background.CONTRAST_5);
        addClassName(LumoUtility.Background.ERROR_10);
        message.setText(why + "\nPut valid files into that folder (or allow downloads) and try again.");
        progress.setVisible(false);
        retry.setVisible(true);
    }
}
