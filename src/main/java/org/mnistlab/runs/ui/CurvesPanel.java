package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import com.vaadin.flow.theme.lumo.LumoUtility.Width;
import java.util.Locale;
import org.mnistlab.training.OverfittingReport;
import org.mnistlab.training.RunConfig;
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
        RunConfig config = report.run().config();
        if (config.labelSmoothing() > 0) {
            Paragraph note = new Paragraph(labelSmoothingNote(config));
            note.setId("label-smoothing-note");
            note.addClassName(TextColor.SECONDARY);
            add(note);
        }
    }

    /** Why a run trained on softened targets shows higher losses than one without, at the same accuracy. */
    private static String labelSmoothingNote(RunConfig config) {
        return String.format(Locale.ROOT, "Label smoothing %s: the training targets were %s for the true class and %s"
                        + " for each other, so the network learns to stop near %.0f %% confidence. The losses above are"
                        + " measured against the true class alone, as for every run, so they stay higher than without"
                        + " smoothing even where accuracy is higher: compare such runs by accuracy.",
                RunSetting.decimal(config.labelSmoothing()), fourPlaces(config.trueClassTarget()),
                fourPlaces(config.otherClassTarget()), 100 * config.trueClassTarget());
    }

    /** E.g. 0.91, not 0.90999997 (the float nearest 1 - 0.1 + 0.01). */
    private static String fourPlaces(double v) {
        return RunSetting.decimal(Math.round(v * 10_000) / 10_000.0);
    }
}
