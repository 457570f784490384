package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import java.util.Collections;
import java.util.List;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.OverfittingReport;

/**
 * The live dashboard's charts: loss and accuracy per epoch as on the run's detail page (redrawn per epoch),
 * and the loss within the current epoch, which grows by a point per batch update.
 */
class LiveCurves extends Div {

    private final ChartJs loss = new ChartJs();
    private final ChartJs accuracy = new ChartJs();
    private final ChartJs batchLoss = new ChartJs(RunCharts.batchLoss());
    private int batchEpoch;
    private int batchPoints;

    LiveCurves() {
        loss.setId("loss-chart");
        accuracy.setId("accuracy-chart");
        batchLoss.setId("batch-loss-chart");
        batchLoss.setHeight("220px");
        Div epochCharts = new Div(loss, accuracy);
        epochCharts.addClassName("chart-pair");
        setWidthFull();
        add(epochCharts, batchLoss);
        showEpochs(List.of(), null);
    }

    /** @param report the overfitting detector's reading of {@code epochs}, or null before the first */
    void showEpochs(List<EpochMetrics> epochs, OverfittingReport report) {
        int best = report == null ? 0 : report.bestEpoch();
        int overfitting = report == null ? 0 : report.overfittingEpoch();
        loss.setChart(RunCharts.loss(epochs, best, overfitting));
        accuracy.setChart(RunCharts.accuracy(epochs, best, overfitting));
    }

    /** Adds a training batch's loss; progress of the other phases has none. */
    void addBatch(BatchProgress p) {
        if (p.phase() != BatchProgress.Phase.TRAINING) {
            return;
        }
        if (p.epoch() != batchEpoch) {
            batchEpoch = p.epoch();
            batchPoints = 0;
            batchLoss.setData(0, List.of(), List.of());
        }
        batchLoss.appendData(String.valueOf(p.batch()),
                Collections.singletonList(Double.isFinite(p.loss()) ? p.loss() : null));
        batchPoints++;
    }

    int batchPointsShown() {
        return batchPoints;
    }
}
