package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.function.Function;
import org.mnistlab.training.RunStatus;

/** A run's status as a coloured Lumo badge; grids draw the same badge with {@link #renderer}. */
class StatusBadge extends Span {

    StatusBadge(RunStatus status) {
        addClassName("status-badge");
        setStatus(status);
    }

    void setStatus(RunStatus status) {
        setText(RunFormat.status(status));
        getElement().setAttribute("theme", theme(status));
        getElement().setAttribute("data-status", status.name());
    }

    /** The badge in a grid cell, with {@code tooltip} (may be empty) on hover. */
    static <T> LitRenderer<T> renderer(Function<T, RunStatus> status, Function<T, String> tooltip) {
        return LitRenderer.<T>of("<span class=\"status-badge\" theme=\"${item.theme}\" title=\"${item.tooltip}\""
                        + " data-status=\"${item.code}\">${item.status}</span>")
                .withProperty("theme", t -> theme(status.apply(t)))
                .withProperty("status", t -> RunFormat.status(status.apply(t)))
                .withProperty("code", t -> status.apply(t).name())
                .withProperty("tooltip", tooltip::apply);
    }

    private static String theme(RunStatus status) {
        return switch (status) {
            case RUNNING -> "badge";
            case FINISHED -> "badge success";
            case FAILED, INTERRUPTED -> "badge error";
            case QUEUED, CANCELLED -> "badge contrast";
        };
    }
}
