package org.mnistlab.base.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that failed to open, in place of Vaadin's error page (which shows the exception and, in development
 * mode, its stack trace): says why in words; the stack trace goes to the log.
 */
// every visitor may see why a page failed: without this the access check refuses the error page itself
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Page /{} failed", event.getLocation().getPath(), parameter.getException());
        boolean store = UiErrors.isStoreFailure(parameter.getException());
        removeAll();
        H2 title = new H2(store ? "The run store is unavailable" : "This page could not be shown");
        Paragraph text = new Paragraph(UiErrors.message(parameter.getException()));
        text.setId("error-message");
        add(title, text);
        return store ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
