package org.mnistlab.security.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.mnistlab.base.ui.MainLayout;

/** Production mode's answer to a path without a page, and to a page the visitor may not open. */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class NotFoundPage extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return RefusedPage.show(this, event);
    }
}
