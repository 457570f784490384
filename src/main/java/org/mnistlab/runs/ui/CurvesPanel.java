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
    }
}
