package org.mnistlab.insight.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.training.LayerDiagnostics;
import org.mnistlab.training.LayerStats;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.dataset.LineDataset;
import software.xdev.chartjs.model.options.LineOptions;
import software.xdev.chartjs.model.options.Plugins;
import software.xdev.chartjs.model.options.Title;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.AbstractCartesianScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.category.CategoryScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.logarithmic.LogarithmicScaleOptions;

/**
 * Layer health per epoch, as on the DL4J training UI's main page: the update:parameter ratio on a log
 * scale with the usual 1e-3 guide, the spread of activations and of gradients, and the latest epoch's
 * figures as a table. The live dashboard adds epochs as they are measured; the run detail shows them all.
 */
public class LayerDiagnosticsPanel extends Div {

    /** The rule of thumb for a healthy update:parameter ratio. */
    static final double GUIDE_RATIO = 1e-3;
    private static final List<String> PALETTE = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f");

    private final List<LayerDiagnostics> epochs = new ArrayList<>();
    private final ChartJs ratio = chart("layer-ratio-chart");
    private final ChartJs activations = chart("layer-activation-chart");
    private final ChartJs gradients = chart("layer-gradient-chart");
    private final Grid<LayerStats> latest = new Grid<>();
    private final Paragraph empty = new Paragraph("Layer diagnostics appear after the first epoch's training batches.");

    public LayerDiagnosticsPanel() {
        setId("layer-diagnostics");
        setWidthFull();
        H3 title = new H3("Layer diagnostics");
        Paragraph help = new Paragraph("Update:parameter ratio: how much an update changes a layer's weights. "
                + "Around 1e-3 (dashed line) is healthy; far below, the layer barely learns; far above, training "
                + "may be unstable. Activation and gradient spreads that shrink towards 0 or grow by orders of "
                + "magnitude from layer to layer point to vanishing or exploding signals.");
        help.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        empty.setId("layer-diagnostics-empty");
        latest.setId("layer-diagnostics-table");
        latest.setAllRowsVisible(true);
        latest.addColumn(LayerStats::name).setHeader("Layer").setAutoWidth(true);
        latest.addColumn(s -> number(s.meanAbsParam())).setHeader("Mean |param|");
        latest.addColumn(s -> number(s.meanAbsUpdate())).setHeader("Mean |update|");
        latest.addColumn(s -> number(s.updateRatio())).setHeader("Update:param");
        latest.addColumn(s -> number(s.activationStd())).setHeader("Activation std");
        latest.addColumn(s -> number(s.gradientStd())).setHeader("Gradient std");
        Div charts = new Div(ratio, activations, gradients);
        charts.addClassName("chart-pair");
        add(title, help, empty, charts, latest);
        redraw();
    }

    /** Replaces what is shown with a run's stored diagnostics. */
    public void show(List<LayerDiagnostics> stored) {
        epochs.clear();
        epochs.addAll(stored);
        redraw();
    }

    /** Adds an epoch measured live; an epoch already shown (read from the store) is skipped. */
    public void add(LayerDiagnostics d) {
        if (!epochs.isEmpty() && d.epoch() <= epochs.get(epochs.size() - 1).epoch()) {
            return;
        }
        epochs.add(d);
        redraw();
    }

    private static ChartJs chart(String id) {
        ChartJs chart = new ChartJs();
        chart.setId(id);
        chart.setHeight("260px");
        return chart;
    }

    public int epochsShown() {
        return epochs.size();
    }

    private void redraw() {
        empty.setVisible(epochs.isEmpty());
        latest.setVisible(!epochs.isEmpty());
        latest.setItems(epochs.isEmpty() ? List.of() : epochs.get(epochs.size() - 1).layers());
        LineChart ratioChart = lines("Update:parameter ratio (log)", true, LayerStats::updateRatio, true);
        List<String> labels = labels();
        LineDataset guide = series("1e-3 guide", "#888888", labels.stream().map(l -> (Number) GUIDE_RATIO).toList());
        guide.setBorderDash(List.of(6, 4));
        guide.setPointRadius(List.of(0));
        ratioChart.getData().addDataset(guide);
        ratio.setChart(ratioChart);
        activations.setChart(lines("Activation std", false, LayerStats::activationStd, false));
        gradients.setChart(lines("Gradient std (log)", true, LayerStats::gradientStd, true));
    }

    private LineChart lines(String title, boolean log, ToDoubleFunction<LayerStats> value, boolean trainableOnly) {
        LineData data = new LineData().setLabels(labels());
        if (!epochs.isEmpty()) {
            for (LayerStats layer : epochs.get(epochs.size() - 1).layers()) {
                if (trainableOnly && !layer.trainable()) {
                    continue;
                }
                List<Number> values = new ArrayList<>();
                for (LayerDiagnostics d : epochs) {
                    values.add(d.layers().size() > layer.layer() ? finite(value.applyAsDouble(d.layers()
                            .get(layer.layer())), log) : null);
                }
                if (values.stream().anyMatch(v -> v != null)) {
                    data.addDataset(series(layer.name(), PALETTE.get(layer.layer() % PALETTE.size()), values));
                }
            }
        }
        AbstractCartesianScaleOptions.Title yTitle = new AbstractCartesianScaleOptions.Title().setDisplay(true)
                .setText(title);
        AbstractCartesianScaleOptions<?, ?> y = log ? new LogarithmicScaleOptions().setTitle(yTitle)
                : new LinearScaleOptions().setTitle(yTitle);
        LineOptions options = new LineOptions().setAnimation(false)
                .setPlugins(new Plugins().setTitle(new Title().setDisplay(true).setText(title)))
                .setScales(new Scales()
                        .addScale(Scales.ScaleAxis.X, new CategoryScaleOptions()
                                .setTitle(new AbstractCartesianScaleOptions.Title().setDisplay(true).setText("Epoch")))
                        .addScale(Scales.ScaleAxis.Y, y));
        return new LineChart(data).setOptions(options);
    }

    private List<String> labels() {
        return epochs.stream().map(d -> String.valueOf(d.epoch())).toList();
    }

    private static LineDataset series(String label, String color, List<Number> values) {
        LineDataset d = new LineDataset().setLabel(label).setBorderColor(color).setBackgroundColor(color)
                .setBorderWidth(2).setFill(false).setSpanGaps(true);
        d.setData(values);
        return d;
    }

    /** Null (a gap) for values a chart cannot draw: NaN, infinite, and 0 or below on a log scale. */
    private static Double finite(double v, boolean log) {
        return !Double.isFinite(v) || (log && v <= 0) ? null : v;
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format("%.3g", v) : "–";
    }
}
