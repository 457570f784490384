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
import org.mnistlab.training.TrainingEnd;

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
        overfitting.setText(epochs.isEmpty() ? "The overfitting check starts after the first epochs."
                : report.summary());
        shade(overfitting, report.overfitting() ? Background.ERROR_10 : Background.CONTRAST_5);
        overfitting.getElement().setAttribute("data-overfitting", String.valueOf(report.overfitting()));
    }

    /** @param end how training ended, null when not known (a run finished before it was recorded) */
    void showFinished(long runId, Double testAccuracy, TrainingEnd end) {
        result.removeAll();
        Span text = new Span("Finished. Test accuracy: "
                + (testAccuracy == null ? "not measured" : Format.percent(testAccuracy)) + ". ");
        text.setId("test-accuracy");
        result.add(text);
        if (end != null) {
            Span ending = new Span(end.stopReason() + " " + end.weightsSource() + " ");
            ending.setId("training-end");
            ending.getElement().setAttribute("data-stopped-early", String.valueOf(end.stoppedEarly()));
            result.add(ending);
        }
        RouterLink details = new RouterLink("Open the run's details", RunDetailView.class, RunDetailView.params(runId));
        details.setId("details-link");
        result.add(details);
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
