package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.training.RunReport;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.RunSetting;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.dataset.LineDataset;
import software.xdev.chartjs.model.options.LineOptions;
import software.xdev.chartjs.model.options.elements.LineElements;
import software.xdev.chartjs.model.options.elements.Point;
import software.xdev.chartjs.model.options.Plugins;
import software.xdev.chartjs.model.options.Title;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.AbstractCartesianScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.category.CategoryScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;

/**
 * The learning-curve charts of the run detail, the live dashboard and the compare page. Training curves are dashed and
 * validation curves solid everywhere; on the compare page each run has one colour.
 */
final class RunCharts {

    /** Distinct colours (Tableau 10), one per compared run. */
    static final List<String> PALETTE = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#17becf");
    static final List<Integer> DASHED = List.of(6, 4);
    private static final String TRAIN_COLOR = "#1f77b4";
    private static final String VALIDATION_COLOR = "#ff7f0e";
    private static final String BEST_COLOR = "#2ca02c";
    private static final String OVERFITTING_COLOR = "#d62728";

    private RunCharts() {
    }

    /** Loss and accuracy side by side (under each other on narrow screens), as {@code <idPrefix>loss-chart} etc. */
    static Div pair(String idPrefix, LineChart loss, LineChart accuracy) {
        ChartJs lossChart = new ChartJs(loss);
        lossChart.setId(idPrefix + "loss-chart");
        ChartJs accuracyChart = new ChartJs(accuracy);
        accuracyChart.setId(idPrefix + "accuracy-chart");
        Div pair = new Div(lossChart, accuracyChart);
        pair.addClassName("chart-pair");
        return pair;
    }

    static String color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** Loss per epoch, train vs validation, with the best epoch and the epoch overfitting was called marked. */
    static LineChart loss(RunReport report) {
        return loss(report.epochs(), report.bestEpoch().orElse(0), report.overfitting().overfittingEpoch());
    }

    /** Accuracy (%) per epoch, train vs validation, with the same marks. */
    static LineChart accuracy(RunReport report) {
        return accuracy(report.epochs(), report.bestEpoch().orElse(0), report.overfitting().overfittingEpoch());
    }

    /** The loss curves of epochs so far (a run in progress); 0 for no best epoch or no overfitting yet. */
    static LineChart loss(List<EpochMetrics> epochs, int bestEpoch, int overfittingEpoch) {
        return single("Loss", "loss", epochs, bestEpoch, overfittingEpoch, EpochMetrics::trainLoss,
                EpochMetrics::validationLoss);
    }

    static LineChart accuracy(List<EpochMetrics> epochs, int bestEpoch, int overfittingEpoch) {
        return single("Accuracy (%)", "accuracy", epochs, bestEpoch, overfittingEpoch, e -> 100 * e.trainAccuracy(),
                e -> 100 * e.validationAccuracy());
    }

    /** The mean loss of the current epoch's batches so far (smoother than single batches); points are appended. */
    /** Loss of the recent batches across the run (faint) and its smoothed line; see BatchLossTrace. */
    static LineChart batchLoss() {
        LineDataset raw = series("Loss of the batches since the previous point", "rgba(31, 119, 180, 0.35)",
                new ArrayList<>(), false).setBorderWidth(1);
        LineDataset smoothed = series("Smoothed", TRAIN_COLOR, new ArrayList<>(), false);
        LineData data = new LineData().setLabels(new ArrayList<>()).addDataset(raw).addDataset(smoothed);
        LineChart chart = chart(data, "Training loss across the run", "Epoch", "Loss");
        chart.getOptions().setElements(new LineElements().setPoint(new Point().setRadius(0).setHitRadius(4)));
        return chart;
    }

    /** The learning rate over the run's epochs, from (epoch, rate) points (the configurator's preview). */
    static LineChart learningRate(List<double[]> points) {
        List<String> labels = points.stream().map(p -> RunSetting.decimal(Math.round(p[0] * 100) / 100.0)).toList();
        List<Number> rates = points.stream().<Number>map(p -> p[1]).toList();
        LineDataset curve = series("Learning rate", TRAIN_COLOR, new ArrayList<>(rates), false).setTension(0)
                .addPointRadius(0);
        return chart(new LineData().setLabels(labels).addDataset(curve), "Learning rate the run will follow",
                "Epoch", "Learning rate");
    }

    private static LineChart single(String title, String what, List<EpochMetrics> epochs, int bestEpoch,
                                    int overfittingEpoch, ToDoubleFunction<EpochMetrics> train,
                                    ToDoubleFunction<EpochMetrics> validation) {
        List<String> labels = epochs.stream().map(e -> String.valueOf(e.epoch())).toList();
        List<Number> validationValues = values(epochs, validation);
        LineData data = new LineData().setLabels(labels)
                .addDataset(series("Train " + what, TRAIN_COLOR, values(epochs, train), true))
                .addDataset(series("Validation " + what, VALIDATION_COLOR, validationValues, false));
        if (bestEpoch > 0) {
            data.addDataset(marker("Best epoch " + bestEpoch, BEST_COLOR, "star", epochs, validationValues, bestEpoch));
        }
        if (overfittingEpoch > 0) {
            data.addDataset(marker("Overfitting called at epoch " + overfittingEpoch, OVERFITTING_COLOR, "triangle",
                    epochs, validationValues, overfittingEpoch));
        }
        return chart(data, title);
    }

    /** The runs' losses overlaid: one colour per run, train dashed, validation solid. */
    static LineChart compareLoss(List<RunReport> runs) {
        return compare(runs, "Loss", "loss", EpochMetrics::trainLoss, EpochMetrics::validationLoss);
    }

    static LineChart compareAccuracy(List<RunReport> runs) {
        return compare(runs, "Accuracy (%)", "accuracy", e -> 100 * e.trainAccuracy(),
                e -> 100 * e.validationAccuracy());
    }

    private static LineChart compare(List<RunReport> runs, String title, String what,
                                     ToDoubleFunction<EpochMetrics> train, ToDoubleFunction<EpochMetrics> validation) {
        int maxEpoch = runs.stream().flatMap(r -> r.epochs().stream()).mapToInt(EpochMetrics::epoch).max().orElse(0);
        List<String> labels = new ArrayList<>();
        for (int e = 1; e <= maxEpoch; e++) {
            labels.add(String.valueOf(e));
        }
        LineData data = new LineData().setLabels(labels);
        for (int i = 0; i < runs.size(); i++) {
            RunReport r = runs.get(i);
            String name = "#" + r.run().id() + " " + RunFormat.name(r.run());
            data.addDataset(series(name + " · train", color(i), byEpoch(r.epochs(), maxEpoch, train), true));
            data.addDataset(series(name + " · validation", color(i), byEpoch(r.epochs(), maxEpoch, validation), false));
        }
        return chart(data, title);
    }

    private static LineDataset series(String label, String color, List<Number> values, boolean dashed) {
        LineDataset d = new LineDataset().setLabel(label).setBorderColor(color).setBackgroundColor(color)
                .setBorderWidth(2).setFill(false).setTension(0.15).setSpanGaps(true);
        d.setData(values);
        if (dashed) {
            d.setBorderDash(DASHED);
        }
        return d;
    }

    /** A single highlighted point on the validation curve, with its own legend entry. */
    private static LineDataset marker(String label, String color, String style, List<EpochMetrics> epochs,
                                      List<Number> curve, int epoch) {
        List<Number> values = new ArrayList<>();
        for (int i = 0; i < epochs.size(); i++) {
            values.add(epochs.get(i).epoch() == epoch ? curve.get(i) : null);
        }
        LineDataset d = new LineDataset().setLabel(label).setBorderColor(color).setBackgroundColor(color)
                .setShowLine(false).addPointStyle(style).addPointRadius(9).addPointHoverRadius(11);
        d.setData(values);
        return d;
    }

    private static List<Number> values(List<EpochMetrics> epochs, ToDoubleFunction<EpochMetrics> f) {
        List<Number> out = new ArrayList<>();
        for (EpochMetrics e : epochs) {
            out.add(finite(f.applyAsDouble(e)));
        }
        return out;
    }

    /** Values at epochs 1..maxEpoch; null where the run has no such epoch. */
    private static List<Number> byEpoch(List<EpochMetrics> epochs, int maxEpoch, ToDoubleFunction<EpochMetrics> f) {
        List<Number> out = new ArrayList<>();
        for (int e = 1; e <= maxEpoch; e++) {
            out.add(null);
        }
        for (EpochMetrics m : epochs) {
            if (m.epoch() >= 1 && m.epoch() <= maxEpoch) {
                out.set(m.epoch() - 1, finite(f.applyAsDouble(m)));
            }
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static LineChart chart(LineData data, String title) {
        return chart(data, title, "Epoch", title);
    }

    private static LineChart chart(LineData data, String title, String xTitle, String yTitle) {
        LineOptions options = new LineOptions().setAnimation(false)
                .setPlugins(new Plugins().setTitle(new Title().setDisplay(true).setText(title)))
                .setScales(new Scales()
                        .addScale(Scales.ScaleAxis.X, new CategoryScaleOptions()
                                .setTitle(new AbstractCartesianScaleOptions.Title().setDisplay(true).setText(xTitle)))
                        .addScale(Scales.ScaleAxis.Y, new LinearScaleOptions()
                                .setTitle(new AbstractCartesianScaleOptions.Title().setDisplay(true).setText(yTitle))));
        return new LineChart(data).setOptions(options);
    }
}
