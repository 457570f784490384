package org.mnistlab.sweeps.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.Links;
import org.mnistlab.base.ui.Notifications;
import org.mnistlab.base.ui.UiEventPump;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.runs.ui.CompareView;
import org.mnistlab.runs.ui.RunDetailView;
import org.mnistlab.runs.ui.RunsView;
import org.mnistlab.runs.ui.TrainView;
import org.mnistlab.sweeps.SettingImportance;
import org.mnistlab.sweeps.SweepReport;
import org.mnistlab.sweeps.SweepService;
import org.mnistlab.sweeps.SweptSetting;
import org.mnistlab.sweeps.Trial;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.PresetNameException;
import org.mnistlab.training.PresetStore;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunSetting;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.SavedPreset;
import org.mnistlab.base.ui.LabIcon;

/**
 * {@code /sweeps/{id}}: the trials table, parallel coordinates, the metric against each setting, every trial's
 * validation curve, the settings' importance and the sweep's actions; live while trials train.
 */
@RolesAllowed(Roles.VIEWER)
@Route("sweeps/:" + SweepView.SWEEP_ID)
public class SweepView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SWEEP_ID = "sweepId";
    static final int COMPARED = 5;

    private final SweepService service;
    private final RunStore store;
    private long sweepId;
    private String title = "Sweep · MNIST Lab";
    private volatile Set<Long> runIds = Set.of();
    private final ParallelCoordinates parallel = new ParallelCoordinates();
    /** The trial numbers brushed on the parallel coordinates; null while nothing is brushed. */
    private Set<Integer> selection;
    private Grid<Trial> grid;
    private List<Trial> trials = List.of();
    /** Kept across the live redraws, so a name being typed survives them. */
    private final TextField presetName = new TextField();
    private final Button savePreset = new Button("Save best as preset", LabIcon.Name.BOOKMARK.create());
    private final boolean mayTrain;

    public SweepView(SweepService service, RunStore store, RunQueue queue, UiPushScheduler pushScheduler) {
        this.service = service;
        this.store = store;
        setWidthFull();
        new UiEventPump<RunEvent>(this, pushScheduler, queue::subscribe, events -> refresh())
                .accepting(e -> !(e instanceof RunEvent.BatchProgressed) && runIds.contains(e.runId()));
        this.mayTrain = queue.maySubmit();
        presetName.setId("preset-name");
        presetName.setPlaceholder("Preset name");
        presetName.setMaxLength(PresetStore.MAX_NAME_LENGTH);
        presetName.setAriaLabel("Preset name");
        savePreset.setId("save-preset");
        savePreset.addClickListener(e -> saveBestAsPreset());
        parallel.setId("sweep-parallel");
        parallel.setHeight("320px");
        parallel.addSelectionListener(e -> {
            selection = e.selection().orElse(null);
            showTrials();
        });
    }

    public static RouteParameters params(long sweepId) {
        return new RouteParameters(SWEEP_ID, String.valueOf(sweepId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().get(SWEEP_ID).flatMap(SweepView::parse);
        if (id.isEmpty() || service.report(id.get()).isEmpty()) {
            removeAll();
            Paragraph missing = new Paragraph("Sweep " + event.getRouteParameters().get(SWEEP_ID).orElse("")
                    + " was not found.");
            missing.setId("sweep-not-found");
            add(new H2("Sweep not found"), missing, new RouterLink("All sweeps", SweepsView.class));
            return;
        }
        sweepId = id.get();
        refresh();
    }

    private static Optional<Long> parse(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void refresh() {
        SweepReport report = service.report(sweepId).orElse(null);
        if (report == null) {
            return;
        }
        runIds = report.trials().stream().filter(t -> t.run() != null).map(t -> t.run().id()).collect(Collectors.toSet());
        title = report.sweep().name() + " · Sweep · MNIST Lab";
        removeAll();
        List<SweptSetting> swept = report.sweep().spec().swept();
        H2 heading = new H2("Sweep #" + sweepId + ": " + report.sweep().name());
        Paragraph state = new Paragraph(report.state().name().toLowerCase() + " · " + report.progress() + " · "
                + report.sweep().spec().strategy().name().toLowerCase() + " over " + swept.stream()
                .map(s -> s.setting().label() + " " + s.describe()).collect(Collectors.joining("; "))
                + (report.sweep().spec().asha() == null ? "" : " · ASHA " + report.sweep().spec().asha().describe()));
        state.setId("sweep-state");
        add(heading, state, actions(report));
        if (report.state() == SweepReport.State.INTERRUPTED) {
            add(interrupted(report));
        }
        add(trialsGrid(report));
        Map<Integer, List<EpochMetrics>> epochs = new HashMap<>();
        report.trials().stream().filter(t -> t.run() != null)
                .forEach(t -> epochs.put(t.number(), store.epochs(t.run().id())));
        parallel.setTrials(swept, report.trials());
        add(parallel);
        Div scatters = new Div();
        scatters.setId("sweep-scatters");
        scatters.addClassName("chart-pair");
        for (int i = 0; i < swept.size(); i++) {
            scatters.add(chart("sweep-scatter-" + i, SweepCharts.scatter(swept.get(i), i, report.trials()), "260px"));
        }
        add(scatters);
        add(chart("sweep-curves", SweepCharts.curves(report.trials(), epochs,
                report.best().map(Trial::number).orElse(null)), "300px"));
        add(importance(report));
    }

    private HorizontalLayout actions(SweepReport report) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("sweep-actions");
        actions.setWrap(true);
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        if (report.state() == SweepReport.State.RUNNING) {
            Button cancel = new Button("Cancel sweep", LabIcon.Name.STOP.create(), e -> {
                service.cancel(sweepId);
                Notifications.success("Sweep cancelled: queued trials dropped, the running one stops within a batch");
                refresh();
            });
            cancel.setId("cancel-sweep");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        report.best().ifPresent(best -> {
            RouterLink open = new RouterLink("Open best run (trial " + best.number() + ", #" + best.run().id() + ")",
                    RunDetailView.class, RunDetailView.params(best.run().id()));
            open.setId("best-run");
            RouterLink reuse = new RouterLink("Train with the best settings", TrainView.class);
            reuse.setQueryParameters(TrainView.copying(best.run().id()));
            reuse.setId("best-config");
            actions.add(open, reuse);
            if (mayTrain) {
                if (presetName.isEmpty()) {
                    presetName.setValue("Best of sweep #" + sweepId);
                }
                actions.add(presetName, savePreset);
            }
        });
        List<Long> top = report.ranked().stream().limit(COMPARED).map(t -> t.run().id()).toList();
        if (top.size() >= 2) {
            Anchor compare = new Anchor(CompareView.url(top), "Compare top " + top.size());
            compare.setId("compare-top");
            actions.add(compare);
        }
        Anchor all = new Anchor(Links.url(RunsView.class) + "?" + RunsView.SWEEP + "=" + sweepId, "Its runs");
        all.setId("sweep-runs");
        actions.add(all);
        return actions;
    }

    private void saveBestAsPreset() {
        try {
            SavedPreset saved = service.saveBestAsPreset(sweepId, presetName.getValue());
            presetName.setInvalid(false);
            Notifications.success("Saved preset “" + saved.name() + "”: the configurator lists it under Presets");
        } catch (PresetNameException e) {
            presetName.setErrorMessage(e.getMessage());
            presetName.setInvalid(true);
        }
    }

    private Div interrupted(SweepReport report) {
        int left = report.remaining().size();
        Span text = new Span("Interrupted: " + report.finished().size() + " trial(s) finished ("
                + report.finished().stream().map(t -> "#" + t.number()).collect(Collectors.joining(", "))
                + "); " + left + " did not. ");
        Button requeue = new Button("Queue the remaining " + left + " again", LabIcon.Name.REFRESH.create(), e -> {
            int queued = service.queueRemaining(sweepId);
            Notifications.success(queued + " trial(s) queued again");
            refresh();
        });
        requeue.setId("requeue-sweep");
        Div box = new Div(text, requeue);
        box.setId("sweep-interrupted");
        return box;
    }

    private Grid<Trial> trialsGrid(SweepReport report) {
        Grid<Trial> grid = new Grid<>();
        grid.setId("trials-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(Trial::number).setHeader("Trial").setSortable(true).setAutoWidth(true);
        List<SweptSetting> swept = report.sweep().spec().swept();
        for (int i = 0; i < swept.size(); i++) {
            int index = i;
            grid.addColumn(t -> RunSetting.decimal(t.values().get(index).doubleValue()))
                    .setHeader(swept.get(i).setting().label())
                    .setComparator(Comparator.comparingDouble(t -> t.values().get(index).doubleValue()));
        }
        grid.addColumn(Trial::statusText).setHeader("Status").setSortable(true)
                .setTooltipGenerator(t -> t.stoppedReason() == null ? "" : t.stoppedReason());
        grid.addColumn(t -> Format.percent(t.bestValidationAccuracy())).setHeader("Best val acc")
                .setComparator(Comparator.comparing(t -> t.bestValidationAccuracy() == null ? -1 : t.bestValidationAccuracy()));
        grid.addColumn(t -> Format.percent(t.testAccuracy())).setHeader("Test acc")
                .setComparator(Comparator.comparing(t -> t.testAccuracy() == null ? -1 : t.testAccuracy()));
        grid.addColumn(t -> t.duration() == null ? Format.NONE : Format.duration(t.duration())).setHeader("Time")
                .setComparator(Comparator.comparing(t -> t.duration() == null ? 0 : t.duration().toMillis()));
        grid.addComponentColumn(t -> t.run() == null ? new Span(Format.NONE)
                : new RouterLink("#" + t.run().id(), RunDetailView.class, RunDetailView.params(t.run().id())))
                .setHeader("Run");
        this.grid = grid;
        this.trials = report.trials();
        showTrials();
        return grid;
    }

    private void showTrials() {
        grid.setItems(selection == null ? trials
                : trials.stream().filter(t -> selection.contains(t.number())).toList());
    }

    private VerticalLayout importance(SweepReport report) {
        List<SweptSetting> swept = report.sweep().spec().swept();
        List<Trial> measured = report.trials().stream().filter(t -> t.bestValidationAccuracy() != null).toList();
        double[] importance = SettingImportance.of(
                measured.stream().map(t -> t.values().stream().mapToDouble(Number::doubleValue).toArray()).toList(),
                measured.stream().map(Trial::bestValidationAccuracy).toList());
        Paragraph what = new Paragraph("Importance here is η², the correlation ratio: the share of the spread"
                + " (variance) of the trials' best validation accuracy that is explained by grouping the trials by"
                + " this setting's value (into " + SettingImportance.BINS + " equal-size bins when it has more"
                + " values). 0 = the accuracy does not move with the setting, 1 = the setting explains all of it."
                + " Each setting is judged alone, so effects of settings acting together are not credited.");
        what.setId("sweep-importance-note");
        what.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        VerticalLayout box = new VerticalLayout(new H3("Which settings mattered"), what);
        box.setPadding(false);
        box.setId("sweep-importance");
        if (measured.size() < SettingImportance.MIN_TRIALS) {
            box.add(new Paragraph("Importance shows once " + SettingImportance.MIN_TRIALS
                    + " trials have a validation accuracy."));
            return box;
        }
        box.add(chart("sweep-importance-chart", SweepCharts.importance(swept, importance), "200px"));
        return box;
    }

    private static ChartJs chart(String id, String json, String height) {
        ChartJs chart = new ChartJs();
        chart.setId(id);
        chart.setHeight(height);
        chart.setConfigJson(json);
        return chart;
    }

    /** Whether the page is showing {@code sweepId}, for tests. */
    long sweepId() {
        return sweepId;
    }
}
