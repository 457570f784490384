package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility.Background;
import com.vaadin.flow.theme.lumo.LumoUtility.BorderRadius;
import com.vaadin.flow.theme.lumo.LumoUtility.Padding;
import java.util.List;
import org.mnistlab.base.ui.Format;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.OverfittingReport;

/** What the live dashboard concludes: how the run ended, and whether it overfits so far. */
class VerdictPanel extends VerticalLayout {

    private final Div result = box("run-result");
    private final Div overfitting = box("overfitting");

    VerdictPanel() {
        setPadding(false);
        result.setVisible(false);
        add(result, overfitting);
    }

    void showOverfitting(List<EpochMetrics> epochs, OverfittingReport report) {
        if (epochs.isEmpty()) {
            overfitting.setText("The overfitting check starts after the first epochs.");
        } else if (epochs.stream().allMatch(m -> Double.isNaN(m.validationLoss()))) {
            overfitting.setText("No validation split: overfitting cannot be judged during training.");
        } else {
            overfitting.setText(report.summary());
        }
        shade(overfitting, report.overfitting() ? Background.ERROR_10 : Background.CONTRAST_5);
        overfitting.getElement().setAttribute("data-overfitting", String.valueOf(report.overfitting()));
    }

    void showFinished(long runId, Double testAccuracy) {
        result.removeAll();
        Span text = new Span("Finished. Test accuracy: "
                + (testAccuracy == null ? "not measured" : Format.percent(testAccuracy)) + ". ");
        text.setId("test-accuracy");
        RouterLink details = new RouterLink("Open the run's details", RunDetailView.class, RunDetailView.params(runId));
        details.setId("details-link");
        result.add(text, details);
        shade(result, Background.SUCCESS_10);
        result.setVisible(true);
    }

    void showFailed(String message) {
        showResult("Training failed: " + (message == null || message.isBlank() ? "no reason was recorded" : message),
                true);
    }

    void showResult(String text, boolean error) {
        result.removeAll();
        result.add(new Span(text));
        shade(result, error ? Background.ERROR_10 : Background.CONTRAST_5);
        result.setVisible(true);
    }

    private static Div box(String id) {
        Div box = new Div();
        box.setId(id);
        box.addClassNames(Padding.SMALL, BorderRadius.MEDIUM);
        return box;
    }

    private static void shade(Div box, String background) {
        box.removeClassNames(Background.ERROR_10, Background.CONTRAST_5, Background.SUCCESS_10);
        box.addClassName(background);
    }
}
