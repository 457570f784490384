package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouterLink;
import java.util.OptionalLong;

/** What both run pages (detail and live) show for a run that does not exist or a URL that names none. */
class RunNotFound extends VerticalLayout {

    RunNotFound(String text) {
        setId("run-not-found");
        setPadding(false);
        Paragraph p = new Paragraph(text);
        p.setId("run-missing");
        add(new H2("Run not found"), p, new RouterLink("Back to all runs", RunsView.class));
    }

    /** The run id in a run page's URL; empty for anything else (letters, or digits too many for an id). */
    static OptionalLong runId(BeforeEnterEvent event) {
        try {
            long id = Long.parseLong(rawId(event));
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The page for a URL whose run id {@link #runId} could not read. */
    static RunNotFound notARunId(BeforeEnterEvent event) {
        return new RunNotFound("'" + rawId(event) + "' is not a run id.");
    }

    static RunNotFound missing(long runId) {
        return new RunNotFound("Run " + runId + " does not exist; it may have been deleted.");
    }

    private static String rawId(BeforeEnterEvent event) {
        return event.getRouteParameters().get(RunDetailView.RUN_ID).orElse("");
    }
}
