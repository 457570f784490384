package org.mnistlab.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.TrainingService;

/** Queued and running runs with their place in the queue and progress; cancel any of them. Live via push. */
@Route("queue")
@PageTitle("Queue · MNIST Lab")
@Menu(order = 3, title = "Queue", icon = "vaadin:list-ol")
public class QueueView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** One grid row: the run, its place (0 = running) and its latest progress if running. */
    record QueueRow(RunRecord run, int position, BatchProgress progress) {
    }

    private final TrainingService training;
    private final UiPushScheduler pushScheduler;
    private final Grid<QueueRow> grid = new Grid<>();
    private final Span empty = new Span("Nothing is queued or running. Start a run from Train.");
    private final Map<Long, BatchProgress> progressByRun = new HashMap<>();
    private RunEventPump pump;

    public QueueView(TrainingService training, UiPushScheduler pushScheduler) {
        this.training = training;
        this.pushScheduler = pushScheduler;
        grid.setId("queue-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> r.position() == 0 ? "running" : "#" + r.position()).setHeader("Position").setAutoWidth(true);
        grid.addComponentColumn(r -> new Anchor("runs/" + r.run().id() + "/live", r.run().name()))
                .setHeader("Run").setFlexGrow(1);
        grid.addColumn(r -> r.run().architecture().displayName()).setHeader("Model").setAutoWidth(true);
        grid.addColumn(r -> r.run().dataset().displayName()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(r -> r.run().status() == RunStatus.RUNNING ? "Running" : "Queued").setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(QueueView::progressText).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(r -> TIME.format(r.run().createdAt())).setHeader("Submitted").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button cancel = new Button("Cancel", VaadinIcon.STOP.create(), e -> {
                e.getSource().setEnabled(false);
                training.cancel(r.run().id());
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.setId("cancel-" + r.run().id());
            return cancel;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        empty.setId("queue-empty");
        empty.addClassNames(LumoUtility.TextColor.SECONDARY);
        add(new H2("Queue"), grid, empty);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        pump = new RunEventPump(pushScheduler.executor(), command -> ui.access(command::run), this::apply,
                UiPushScheduler.MIN_BATCH_INTERVAL_NANOS);
        RunEventPump mine = pump;
        Runnable unsubscribe = training.subscribe(mine::offer);
        mine.whenClosed(unsubscribe);
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (pump != null) {
            pump.close(); // runs the unsubscribe
        }
        super.onDetach(detachEvent);
    }

    private void apply(List<RunEvent> events) {
        for (RunEvent e : events) {
            if (e instanceof RunEvent.BatchProgressed b) {
                progressByRun.put(b.runId(), b.progress());
            }
        }
        refresh();
    }

    private void refresh() {
        List<RunRecord> active = training.activeRuns();
        List<QueueRow> rows = new ArrayList<>();
        int position = 0;
        for (RunRecord run : active) {
            boolean running = run.status() == RunStatus.RUNNING;
            if (!running) {
                position++;
            }
            BatchProgress p = running ? progressByRun.computeIfAbsent(run.id(),
                    id -> training.latestProgress(id).orElse(null)) : null;
            rows.add(new QueueRow(run, running ? 0 : position, p));
        }
        progressByRun.keySet().retainAll(active.stream().map(RunRecord::id).toList());
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
    }

    private static String progressText(QueueRow row) {
        BatchProgress p = row.progress();
        if (p == null) {
            return row.position() == 0 ? "starting" : "";
        }
        return String.format(Locale.ROOT, "%.0f %% · epoch %d/%d · ETA %s", p.fraction() * 100, p.epoch(),
                p.totalEpochs(), LiveRunView.formatEta(p.etaMillis()));
    }
}
