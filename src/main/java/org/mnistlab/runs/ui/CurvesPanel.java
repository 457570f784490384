package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import com.vaadin.flow.theme.lumo.LumoUtility.Width;
import org.mnistlab.training.OverfittingReport;
import org.mnistlab.training.RunReport;

/** How a run learned: loss and accuracy per epoch with the best epoch marked, and the overfitting verdict. */
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
        Paragraph verdict = new Paragraph(overfitting.overfitting()
                ? overfitting.signals().get(overfitting.signals().size() - 1).message()
                : "No sign of overfitting" + (overfitting.bestEpoch() > 0 ? "." : " (this run has no validation split)."));
        verdict.setId("overfitting-summary");
        if (overfitting.overfitting()) {
            verdict.addClassName(TextColor.ERROR);
        }
        add(charts, verdict);
    }
}
