package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.RangeInput;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.runs.BatchLossTrace;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.OverfittingReport;

/**
 * The live dashboard's charts: loss and accuracy per epoch as on the run's detail page (redrawn per epoch),
 * and the training loss across the run, a point per batch update (the loss of the batches since the last
 * one, so spikes show) with a smoothing slider like TensorBoard's.
 */
class LiveCurves extends Div {

    static final double DEFAULT_SMOOTHING = 0.6;

    private final ChartJs loss = new ChartJs();
    private final ChartJs accuracy = new ChartJs();
    private final ChartJs batchLoss = new ChartJs(RunCharts.batchLoss());
    final RangeInput smoothing = new RangeInput();
    private final Span smoothingValue = new Span();
    private final BatchLossTrace trace = new BatchLossTrace();
    /** The moving average before debiasing, at the last point. */
    private double ema;

    LiveCurves() {
        loss.setId("loss-chart");
        accuracy.setId("accuracy-chart");
        batchLoss.setId("batch-loss-chart");
        batchLoss.setHeight("220px");
        Div epochCharts = new Div(loss, accuracy);
        epochCharts.addClassName("chart-pair");
        smoothing.setId("loss-smoothing");
        smoothing.setMin(0);
        smoothing.setMax(0.99);
        smoothing.setStep(0.01);
        smoothing.setValue(DEFAULT_SMOOTHING);
        smoothing.setAriaLabel("Smoothing");
        smoothing.addValueChangeListener(e -> resmooth());
        smoothingValue.setId("loss-smoothing-value");
        Span smoothingLabel = new Span("Smoothing");
        Div smoothingRow = new Div(smoothingLabel, smoothing, smoothingValue);
        smoothingRow.addClassName("smoothing-row");
        setWidthFull();
        add(epochCharts, batchLoss, smoothingRow);
        showEpochs(List.of(), null);
        showSmoothingValue();
    }

    /** @param report the overfitting detector's reading of {@code epochs}, or null before the first */
    void showEpochs(List<EpochMetrics> epochs, OverfittingReport report) {
        int best = report == null ? 0 : report.bestEpoch();
        int overfitting = report == null ? 0 : report.overfittingEpoch();
        loss.setChart(RunCharts.loss(epochs, best, overfitting));
        accuracy.setChart(RunCharts.accuracy(epochs, best, overfitting));
    }

    /** Adds a point for a training batch update; progress of the other phases has no loss. */
    void addBatch(BatchProgress p) {
        trace.add(p).ifPresent(point -> {
            double w = weight();
            // one step of BatchLossTrace.smooth: the biased average, then its debiased value
            ema = ema * w + (1 - w) * point.loss();
            batchLoss.appendData(String.format(Locale.ROOT, "%.2f", point.position()),
                    List.of(point.loss(), debiased(ema, w, trace.size())));
        });
    }

    private static double debiased(double ema, double w, int n) {
        return ema / (1 - Math.pow(w, n));
    }

    private void resmooth() {
        List<Double> values = trace.smoothed(weight());
        double w = weight();
        ema = values.isEmpty() ? 0 : values.get(values.size() - 1) * (1 - Math.pow(w, values.size()));
        batchLoss.setData(1, values, null);
        showSmoothingValue();
    }

    private double weight() {
        Double v = smoothing.getValue();
        return v == null ? DEFAULT_SMOOTHING : Math.max(0, Math.min(0.99, v));
    }

    private void showSmoothingValue() {
        smoothingValue.setText(String.format(Locale.ROOT, "%.2f", weight()));
    }

    int batchPointsShown() {
        return trace.size();
    }

    /** The smoothed line as drawn, for tests. */
    List<Double> smoothedLine() {
        return trace.smoothed(weight());
    }
}
