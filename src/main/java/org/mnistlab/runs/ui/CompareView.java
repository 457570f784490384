package org.mnistlab.runs.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.FontWeight;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.Links;
import org.mnistlab.runs.ConfigDiff;
import org.mnistlab.runs.RunIds;
import org.mnistlab.training.RunReport;
import org.mnistlab.runs.RunComparison;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunRecord;

/**
 * Several runs side by side ({@code /compare?runs=3,7,9}): curves overlaid (one colour per run, train
 * dashed, validation solid), the settings that differ (or all of them), and the outcome of each run.
 */
@RolesAllowed(Roles.VIEWER)
@Route("compare")
@PageTitle("Compare runs · MNIST Lab")
public class CompareView extends VerticalLayout implements BeforeEnterObserver {

    private static final String RUNS = "runs";

    private final RunStore store;

    RunComparison comparison;
    final Checkbox showAll = new Checkbox("Show all settings");
    Grid<ConfigDiff.Row> configGrid;
    Grid<RunReport> summaryGrid;

    public CompareView(RunStore store) {
        this.store = store;
        setWidthFull();
        setMaxWidth("1400px");
        showAll.setId("show-all-settings");
    }

    /** The page comparing these runs, e.g. {@code compare?runs=3,7}; {@code compare} for none. */
    public static String url(List<Long> ids) {
        // spelled out: QueryParameters would encode the commas, and the address is meant to be read
        return Links.url(CompareView.class) + (ids.isEmpty() ? "" : "?" + RUNS + "=" + RunIds.format(ids));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<String> values = event.getLocation().getQueryParameters().getParameters().getOrDefault(RUNS, List.of());
        List<Long> ids;
        try {
            ids = RunIds.parse(String.join(",", values));
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
            return;
        }
        comparison = RunComparison.of(store, ids);
        render();
    }

    private void problem(String text) {
        Paragraph p = new Paragraph(text);
        p.setId("compare-problem");
        add(new H2("Compare runs"), p, new RouterLink("Choose runs on the Runs page", RunsView.class));
    }

    private void render() {
        List<RunReport> runs = comparison.runs();
        H2 title = new H2("Compare " + runs.size() + (runs.size() == 1 ? " run" : " runs"));
        title.addClassName(Margin.NONE);
        add(title);
        if (!comparison.missing().isEmpty()) {
            Paragraph missing = new Paragraph("Not found (deleted?): " + comparison.missing().stream()
                    .map(id -> "#" + id).collect(Collectors.joining(", ")));
            missing.setId("compare-missing");
            missing.addClassName(TextColor.ERROR);
            add(missing);
        }
        if (runs.isEmpty()) {
            add(new RouterLink("Choose runs on the Runs page", RunsView.class));
            return;
        }
        if (runs.size() == 1) {
            add(new Paragraph("Only one run to show: choose at least two on the Runs page to compare them."));
        }
        add(summary(runs));
        comparison.determinism().ifPresent(d -> {
            Paragraph verdict = new Paragraph(d.verdict());
            verdict.setId("determinism-verdict");
            verdict.addClassName(d.identical() ? TextColor.SUCCESS : TextColor.BODY);
            add(verdict);
        });

        Div charts = RunCharts.pair("compare-", RunCharts.compareLoss(runs), RunCharts.compareAccuracy(runs));
        Span legend = new Span("Dashed: training · solid: validation · one colour per run");
        legend.addClassNames(TextColor.SECONDARY, FontSize.SMALL);
        add(new H3("Learning curves"), legend, charts);

        add(new H3("Settings"), settings(runs));
    }

    /** Outcome per run: test accuracy, best epoch, duration side by side; the best test accuracy starred. */
    private Component summary(List<RunReport> runs) {
        List<Double> tests = runs.stream().map(r -> r.run().testAccuracy()).filter(Objects::nonNull).toList();
        // Star the best test accuracy, unless every run has the same one.
        Double bestTest = tests.stream().distinct().count() > 1
                ? tests.stream().max(Comparator.naturalOrder()).orElse(null) : null;
        summaryGrid = new Grid<>();
        summaryGrid.setId("compare-summary");
        summaryGrid.addColumn(LitRenderer.<RunReport>of("<span style=\"display:inline-block;width:0.9em;height:0.9em;"
                                + "border-radius:50%;background:${item.color};margin-right:0.4em\"></span>"
                                + "<a href=\"${item.href}\">${item.name}</a>")
                        .withProperty("color", r -> RunCharts.color(runs.indexOf(r)))
                        .withProperty("href", r -> Links.url(RunDetailView.class, RunDetailView.params(r.run().id())))
                        .withProperty("name", r -> "#" + r.run().id() + " " + RunFormat.name(r.run())))
                .setHeader("Run").setFlexGrow(3).setKey("run");
        summaryGrid.addColumn(StatusBadge.renderer(r -> r.run().status(), r -> "")).setHeader("Status")
                .setAutoWidth(true);
        summaryGrid.addColumn(r -> Format.percent(r.run().testAccuracy())
                        + (bestTest != null && bestTest.equals(r.run().testAccuracy()) ? " ★" : ""))
                .setHeader("Test accuracy").setKey("testAccuracy").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        summaryGrid.addColumn(r -> r.bestEpoch().map(String::valueOf).orElse(Format.NONE))
                .setHeader("Best epoch").setKey("bestEpoch").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        summaryGrid.addColumn(r -> Format.percent(r.run().bestValidationAccuracy()))
                .setHeader("Best val. accuracy").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        summaryGrid.addColumn(r -> Format.duration(r.run().duration())).setHeader("Duration").setKey("duration")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        summaryGrid.addColumn(r -> RunFormat.epochs(r.run())).setHeader("Epochs")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        summaryGrid.addColumn(r -> Format.count(r.run().parameterCount())).setHeader("Parameters")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        summaryGrid.setItems(runs);
        summaryGrid.setAllRowsVisible(true);
        return summaryGrid;
    }

    private Component settings(List<RunReport> runs) {
        ConfigDiff diff = comparison.diff();
        configGrid = new Grid<>();
        configGrid.setId("config-diff");
        configGrid.addColumn(LitRenderer.<ConfigDiff.Row>of(
                                "<span class=\"${item.look}\" data-key=\"${item.key}\">${item.label}</span>")
                        .withProperty("label", ConfigDiff.Row::label)
                        .withProperty("key", ConfigDiff.Row::key)
                        .withProperty("look", r -> r.differs() ? FontWeight.SEMIBOLD : TextColor.SECONDARY))
                .setHeader("Setting").setKey("setting").setAutoWidth(true).setFrozen(true);
        for (int i = 0; i < runs.size(); i++) {
            int column = i;
            RunRecord run = runs.get(i).run();
            configGrid.addColumn(r -> r.values().get(column)).setHeader("#" + run.id() + " " + RunFormat.name(run))
                    .setKey("run-" + run.id()).setAutoWidth(true);
        }
        configGrid.setAllRowsVisible(true);
        Paragraph none = new Paragraph("These runs share every setting: differences between them come only from "
                + "randomness that the seed does not fix (e.g. thread scheduling).");
        none.setId("no-differences");
        showAll.addValueChangeListener(e -> showRows(diff, none));
        showRows(diff, none);
        Div box = new Div(showAll, none, configGrid);
        box.setWidthFull();
        return box;
    }

    private void showRows(ConfigDiff diff, Paragraph none) {
        boolean all = showAll.getValue();
        configGrid.setItems(all ? diff.rows() : diff.differing());
        none.setVisible(!all && diff.identical());
        configGrid.setVisible(all || !diff.identical());
    }
}
