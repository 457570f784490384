package org.mnistlab.security.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.mnistlab.base.ui.MainLayout;

/** Development mode's answer to a page the visitor may not open (production mode answers "not found"). */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class AccessDeniedPage extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return RefusedPage.show(this, event);
    }
}
