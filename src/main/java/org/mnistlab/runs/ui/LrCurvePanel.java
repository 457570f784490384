package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Set;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.training.LearningRateCurve;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;

/** The configurator's preview of the learning rate the run will follow, batch by batch over its epochs. */
final class LrCurvePanel extends Div {

    /** Points drawn per epoch: enough for the one-cycle's curve, few enough to send quickly. */
    static final int POINTS_PER_EPOCH = 20;
    /** The settings the curve depends on; while one of them is invalid there is no curve to draw. */
    private static final Set<RunSetting> CURVE_SETTINGS = Set.of(RunSetting.LEARNING_RATE, RunSetting.EPOCHS,
            RunSetting.BATCH_SIZE, RunSetting.TRAIN_SUBSET, RunSetting.VALIDATION_FRACTION,
            RunSetting.LR_SCHEDULE_TYPE, RunSetting.LR_SCHEDULE_FACTOR, RunSetting.LR_SCHEDULE_STEP_EPOCHS,
            RunSetting.LR_SCHEDULE_PATIENCE, RunSetting.LR_SCHEDULE_WARMUP, RunSetting.LR_SCHEDULE_MAX_RATE);

    private final ChartJs chart = new ChartJs();
    private final Span note = new Span();

    LrCurvePanel() {
        setId("lr-curve");
        chart.setId("lr-curve-chart");
        note.setId("lr-curve-note");
        note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        setWidthFull();
        add(chart, note);
    }

    void show(RunConfig config) {
        boolean drawable = config.validate().stream().noneMatch(p -> CURVE_SETTINGS.contains(p.setting()));
        chart.setVisible(drawable);
        if (!drawable) {
            note.setText("Fix the learning-rate settings to see the curve.");
            return;
        }
        int batches = LearningRateCurve.batchesPerEpoch(config);
        List<double[]> points = LearningRateCurve.preview(config, batches, POINTS_PER_EPOCH);
        chart.setChart(RunCharts.learningRate(points));
        note.setText(noteFor(config.lrSchedule().type(), batches));
    }

    private static String noteFor(LrSchedule.Type type, int batches) {
        String perEpoch = batches + " batches per epoch.";
        return switch (type) {
            case PLATEAU -> "Reduce on plateau starts here and lowers the rate when the validation loss stalls, "
                    + "which only the run can tell. " + perEpoch;
            case ONE_CYCLE, COSINE -> "Changes every batch. " + perEpoch;
            default -> perEpoch;
        };
    }
}
