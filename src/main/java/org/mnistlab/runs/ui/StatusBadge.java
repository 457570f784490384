package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Span;
import org.mnistlab.training.RunStatus;

/** A run's status as a coloured pill. */
class StatusBadge extends Span {

    StatusBadge(RunStatus status) {
        super(RunFormat.status(status));
        Styles.apply(this, RunFormat.badgeStyle(status));
        getElement().setAttribute("data-status", status.name());
        addClassName("status-badge");
    }
}
