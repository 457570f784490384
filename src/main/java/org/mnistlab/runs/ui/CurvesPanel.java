package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import com.vaadin.flow.theme.lumo.LumoUtility.Width;
import java.util.Locale;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.OverfittingReport;
import org.mnistlab.training.RunReport;
import org.mnistlab.training.RunSetting;

/**
 * How a run learned: loss and accuracy per epoch with the best epoch marked, the overfitting verdict, and with
 * label smoothing why its losses read higher.
 */
class CurvesPanel extends Div {

    CurvesPanel(RunReport report) {
        addClassName(Width.FULL);
        add(new H3("Learning curves"));
        if (report.epochs().isEmpty()) {
            add(new Paragraph("No finished epochs yet."));
            return;
        }
        Div charts = RunCharts.pair("", RunCharts.loss(report), RunCharts.accuracy(report));
        OverfittingReport overfitting = report.overfitting();
        Paragraph verdict = new Paragraph(overfitting.verdict());
        verdict.setId("overfitting-summary");
        verdict.getElement().setAttribute("data-overfitting", String.valueOf(overfitting.overfitting()));
        if (overfitting.overfitting()) {
            verdict.addClassName(TextColor.ERROR);
        }
        add(charts, verdict);
        if (overfitting.gap() != null && overfitting.gap().measured()) {
            Paragraph gap = new Paragraph(overfitting.gap().describe());
            gap.setId("generalization-gap");
            gap.addClassName(TextColor.SECONDARY);
            add(gap);
        }
        double smoothing = report.run().config().labelSmoothing();
        if (smoothing > 0) {
            Paragraph note = new Paragraph(labelSmoothingNote(smoothing));
            note.setId("label-smoothing-note");
            note.addClassName(TextColor.SECONDARY);
            add(note);
        }
    }

    /** Why a run trained on softened targets shows higher losses than one without, at the same accuracy. */
    static String labelSmoothingNote(double smoothing) {
        double other = smoothing / DatasetKind.CLASSES;
        return String.format(Locale.ROOT, "Label smoothing %s: the training targets were %s for the true class and %s"
                        + " for each other, so the network learns to stop near %.0f %% confidence. The losses above are"
                        + " measured against the true class alone, as for every run, so they stay higher than without"
                        + " smoothing even where accuracy is higher: compare such runs by accuracy.",
                RunSetting.decimal(smoothing), fourPlaces(1 - smoothing + other), fourPlaces(other),
                100 * (1 - smoothing + other));
    }

    /** E.g. 0.91, not 0.9100000000000001 (1 - 0.1 + 0.01 in binary). */
    private static String fourPlaces(double v) {
        return RunSetting.decimal(Math.round(v * 10_000) / 10_000.0);
    }
}
