package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility.Background;
import com.vaadin.flow.theme.lumo.LumoUtility.BorderRadius;
import com.vaadin.flow.theme.lumo.LumoUtility.Display;
import com.vaadin.flow.theme.lumo.LumoUtility.FlexDirection;
import com.vaadin.flow.theme.lumo.LumoUtility.FlexWrap;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.FontWeight;
import com.vaadin.flow.theme.lumo.LumoUtility.Gap;
import com.vaadin.flow.theme.lumo.LumoUtility.Padding;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import java.util.Optional;
import org.mnistlab.base.ui.Format;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;

/**
 * A run's key figures side by side, why it ended early when it did, and for a finished run whose weights the
 * test evaluation and model file hold.
 */
final class RunSummary {

    private RunSummary() {
    }

    static Div stats(RunRecord run) {
        Div stats = new Div(
                stat("Test accuracy", Format.percent(run.testAccuracy()), "stat-test-accuracy"),
                stat("Test loss", Format.decimal(run.testLoss(), 4), "stat-test-loss"),
                stat("Best validation accuracy", RunFormat.bestValidation(run), "stat-best"),
                stat("Epochs", RunFormat.epochs(run), "stat-epochs"),
                stat("Duration", Format.duration(run.duration()), "stat-duration"),
                stat("Parameters", Format.count(run.parameterCount()), "stat-parameters"),
                stat("Images", RunFormat.images(run), "stat-images"),
                stat("Dataset · model", run.dataset().displayName() + " · " + run.architecture().displayName(),
                        "stat-model"));
        stats.setId("run-summary");
        stats.addClassNames(Display.FLEX, FlexWrap.WRAP, Gap.LARGE);
        return stats;
    }

    private static Div stat(String label, String value, String id) {
        Span l = new Span(label);
        l.addClassNames(FontSize.XSMALL, TextColor.SECONDARY);
        Span v = new Span(value);
        v.setId(id);
        v.addClassNames(FontSize.LARGE, FontWeight.SEMIBOLD);
        Div d = new Div(l, v);
        d.addClassNames(Display.FLEX, FlexDirection.COLUMN);
        return d;
    }

    /**
     * Why a failed, interrupted or cancelled run stopped, or how a finished run's training ended (all epochs
     * or early stopping, best or last weights); empty for the others.
     */
    static Optional<Div> message(RunRecord run) {
        String text = switch (run.status()) {
            case FINISHED -> run.trainingEnd().map(end -> end.stopReason() + " " + end.weightsSource()).orElse(null);
            case FAILED -> "This run failed" + suffix(run.errorMessage());
            case INTERRUPTED -> "This run was interrupted (the server stopped while it was "
                    + (run.epochsDone() == 0 ? "queued or starting" : "training") + "). Its " + run.epochsDone()
                    + " finished epochs are kept; re-run it to train again" + suffix(run.errorMessage());
            case CANCELLED -> "This run was cancelled after " + run.epochsDone() + " of " + run.epochsPlanned()
                    + " epochs" + suffix(run.errorMessage());
            default -> null;
        };
        if (text == null) {
            return Optional.empty();
        }
        Div box = new Div(new Span(text));
        box.setId("run-message");
        box.addClassNames(Padding.Vertical.SMALL, Padding.Horizontal.MEDIUM, BorderRadius.MEDIUM);
        run.trainingEnd().ifPresent(end ->
                box.getElement().setAttribute("data-stopped-early", String.valueOf(end.stoppedEarly())));
        if (run.status() == RunStatus.CANCELLED || run.status() == RunStatus.FINISHED) {
            box.addClassName(Background.CONTRAST_5);
        } else {
            box.addClassNames(Background.ERROR_10, TextColor.ERROR);
        }
        return Optional.of(box);
    }

    private static String suffix(String message) {
        return message == null || message.isBlank() ? "." : ": " + message;
    }
}
