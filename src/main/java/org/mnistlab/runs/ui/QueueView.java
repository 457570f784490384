package org.mnistlab.runs.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.Notifications;
import org.mnistlab.base.ui.Links;
import org.mnistlab.base.ui.UiEventPump;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunAccessDeniedException;
import org.mnistlab.training.RunQueue;

/**
 * Queued and running runs with their place in the queue and progress; cancel any of them. Live via push.
 * Rows are keyed by run id and drawn by client-side templates, so the progress of a running run can refresh
 * a few times a second without replacing the buttons a person is about to click.
 */
@RolesAllowed(Roles.VIEWER)
@Route("queue")
@PageTitle("Queue · MNIST Lab")
@Menu(order = 4, title = "Queue", icon = "lab:list-ol")
public class QueueView extends VerticalLayout {

    /** One grid row: the run and its place (0 = running). */
    record QueueRow(RunRecord run, int position) {
    }

    private final RunQueue queue;
    private final Grid<QueueRow> grid = new Grid<>();
    private final List<QueueRow> rows = new ArrayList<>();
    private final ListDataProvider<QueueRow> provider = new ListDataProvider<>(rows) {
        @Override
        public Object getId(QueueRow row) {
            return row.run().id();
        }
    };
    private final Span empty = new Span("Nothing is queued or running. Start a run from Train.");
    private final Span clusterSlots = new Span();
    private final Map<Long, BatchProgress> progressByRun = new HashMap<>();
    private final Set<Long> cancelling = new HashSet<>();

    public QueueView(RunQueue queue, UiPushScheduler pushScheduler) {
        this.queue = queue;
        grid.setId("queue-grid");
        // Long names wrap instead of being cut; the other columns keep their width.
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> r.position() == 0 ? "running" : "#" + r.position()).setHeader("Position").setAutoWidth(true);
        grid.addColumn(LitRenderer.<QueueRow>of("<a href=\"${item.href}\">${item.name}</a>")
                        .withProperty("href", r -> Links.url(LiveRunView.class, LiveRunView.params(r.run().id())))
                        .withProperty("name", r -> r.run().name()))
                .setHeader("Run").setFlexGrow(1).setWidth("12rem");
        grid.addColumn(r -> r.run().architecture().displayName()).setHeader("Model").setAutoWidth(true);
        grid.addColumn(r -> r.run().dataset().displayName()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(StatusBadge.renderer(r -> r.run().status(), r -> "")).setHeader("Status").setAutoWidth(true);
        grid.addColumn(this::progressText).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(r -> r.position() == 0 ? queue.placement(r.run().id()) : "").setHeader("Where")
                .setAutoWidth(true);
        grid.addColumn(r -> Format.time(r.run().createdAt())).setHeader("Submitted").setAutoWidth(true);
        grid.addColumn(LitRenderer.<QueueRow>of("<vaadin-button id=\"cancel-${item.id}\" theme=\"small error tertiary\""
                                + " ?hidden=\"${!item.may}\" ?disabled=\"${item.cancelling}\" @click=\"${cancel}\">Cancel</vaadin-button>")
                        .withProperty("id", r -> r.run().id())
                        .withProperty("may", r -> queue.mayChange(r.run()))
                        .withProperty("cancelling", r -> cancelling.contains(r.run().id()))
                        .withFunction("cancel", this::cancel))
                .setAutoWidth(true);
        grid.setItems(provider);
        grid.setAllRowsVisible(true);
        empty.setId("queue-empty");
        empty.addClassNames(LumoUtility.TextColor.SECONDARY);
        clusterSlots.setId("queue-cluster-slots");
        clusterSlots.addClassNames(LumoUtility.TextColor.SECONDARY);
        add(new H2("Queue"), clusterSlots, grid, empty);
        new UiEventPump<RunEvent>(this, pushScheduler, queue::subscribe, this::apply)
                .latestOnly(RunEvent.BatchProgressed.class::isInstance)
                .onSubscribed(this::refresh);
    }

    private void cancel(QueueRow row) {
        try {
            queue.cancel(row.run().id());
        } catch (RunAccessDeniedException e) {
            Notifications.error(e.getMessage());
            return;
        }
        cancelling.add(row.run().id());
        provider.refreshItem(row);
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
        showClusterSlots();
    }

    private void showClusterSlots() {
        queue.clusterSlots().ifPresentOrElse(
                slots -> clusterSlots.setText("Spark cluster: " + slots.free() + " of " + slots.total()
                        + " training slots free"),
                () -> clusterSlots.setText(""));
        clusterSlots.setVisible(!clusterSlots.getText().isEmpty());
    }

    private String progressText(QueueRow row) {
        BatchProgress p = row.position() == 0 ? progressByRun.get(row.run().id()) : null;
        if (p == null) {
            return row.position() == 0 ? "starting" : "";
        }
        return Format.percent(p.fraction(), 0) + " · epoch " + p.epoch() + "/" + p.totalEpochs() + " · ETA "
                + Format.clock(p.etaMillis());
    }
}
