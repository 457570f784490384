package org.mnistlab.runs.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunQueue;

/**
 * Queued and running runs with their place in the queue and progress; cancel any of them. Live via push.
 * Rows are keyed by run id and drawn by client-side templates, so the progress of a running run can refresh
 * a few times a second without replacing the buttons a person is about to click.
 */
@Route("queue")
@PageTitle("Queue · MNIST Lab")
@Menu(order = 4, title = "Queue", icon = "vaadin:list-ol")
public class QueueView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** One grid row: the run and its place (0 = running). */
    record QueueRow(RunRecord run, int position) {
    }

    private final RunQueue queue;
    private final UiPushScheduler pushScheduler;
    private final Grid<QueueRow> grid = new Grid<>();
    private final List<QueueRow> rows = new ArrayList<>();
    private final ListDataProvider<QueueRow> provider = new ListDataProvider<>(rows) {
        @Override
        public Object getId(QueueRow row) {
            return row.run().id();
        }
    };
    private final Span empty = new Span("Nothing is queued or running. Start a run from Train.");
    private final Map<Long, BatchProgress> progressByRun = new HashMap<>();
    private final Set<Long> cancelling = new HashSet<>();
    private RunEventPump pump;

    public QueueView(RunQueue queue, UiPushScheduler pushScheduler) {
        this.queue = queue;
        this.pushScheduler = pushScheduler;
        grid.setId("queue-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> r.position() == 0 ? "running" : "#" + r.position()).setHeader("Position").setAutoWidth(true);
        grid.addColumn(LitRenderer.<QueueRow>of("<a href=\"runs/${item.id}/live\">${item.name}</a>")
                        .withProperty("id", r -> r.run().id())
                        .withProperty("name", r -> r.run().name()))
                .setHeader("Run").setFlexGrow(1);
        grid.addColumn(r -> r.run().architecture().displayName()).setHeader("Model").setAutoWidth(true);
        grid.addColumn(r -> r.run().dataset().displayName()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(r -> r.run().status() == RunStatus.RUNNING ? "Running" : "Queued").setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(this::progressText).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(r -> TIME.format(r.run().createdAt())).setHeader("Submitted").setAutoWidth(true);
        grid.addColumn(LitRenderer.<QueueRow>of("<vaadin-button id=\"cancel-${item.id}\" theme=\"small error tertiary\""
                                + " ?disabled=\"${item.cancelling}\" @click=\"${cancel}\">Cancel</vaadin-button>")
                        .withProperty("id", r -> r.run().id())
                        .withProperty("cancelling", r -> cancelling.contains(r.run().id()))
                        .withFunction("cancel", this::cancel))
                .setAutoWidth(true);
        grid.setItems(provider);
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
        Runnable unsubscribe = queue.subscribe(mine::offer);
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

    private void cancel(QueueRow row) {
        cancelling.add(row.run().id());
        provider.refreshItem(row);
        queue.cancel(row.run().id());
    }

    private void apply(List<RunEvent> events) {
        boolean membershipChanged = false;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.BatchProgressed b) {
                progressByRun.put(b.runId(), b.progress());
            } else {
                membershipChanged = true;
            }
        }
        if (membershipChanged) {
            refresh();
        } else {
            // progress only: redraw the running rows, keep the others (and their buttons) as they are
            rows.stream().filter(r -> progressByRun.containsKey(r.run().id())).forEach(provider::refreshItem);
        }
    }

    private void refresh() {
        List<RunRecord> active = queue.activeRuns();
        rows.clear();
        int position = 0;
        for (RunRecord run : active) {
            boolean running = run.status() == RunStatus.RUNNING;
            if (!running) {
                position++;
            } else if (!progressByRun.containsKey(run.id())) {
                queue.latestProgress(run.id()).ifPresent(p -> progressByRun.put(run.id(), p));
            }
            rows.add(new QueueRow(run, running ? 0 : position));
        }
        List<Long> ids = active.stream().map(RunRecord::id).toList();
        progressByRun.keySet().retainAll(ids);
        cancelling.retainAll(ids);
        provider.refreshAll();
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
    }

    private String progressText(QueueRow row) {
        BatchProgress p = row.position() == 0 ? progressByRun.get(row.run().id()) : null;
        if (p == null) {
            return row.position() == 0 ? "starting" : "";
        }
        return String.format(Locale.ROOT, "%.0f %% · epoch %d/%d · ETA %s", p.fraction() * 100, p.epoch(),
                p.totalEpochs(), LiveRunView.formatEta(p.etaMillis()));
    }
}
