package org.mnistlab.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.servlet.http.HttpServletResponse;
import org.mnistlab.security.GuestAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What a page that does not exist, or that the visitor's role may not open, shows instead (the subclasses
 * show it for Vaadin's exception for each). A public demo's guest who follows a link to a trainer's page is
 * sent to the log-in page instead, and back to that page after logging in, as a visitor who has not logged
 * in would be without the demo setting.
 */
final class RefusedPage {

    private RefusedPage() {
    }

    /** Fills {@code page} (or forwards a guest to log in) and returns the HTTP status. */
    static int show(VerticalLayout page, BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        boolean isPage = RouteConfiguration.forApplicationScope().getRoute(path).isPresent();
        if (isPage && isGuest()) {
            rememberWhereTheGuestWasGoing(event);
            event.forwardTo(LoginView.class);
            return HttpServletResponse.SC_UNAUTHORIZED;
        }
        page.removeAll();
        H2 title = new H2(isPage ? "Not open to your account" : "Page not found");
        Paragraph text = new Paragraph(isPage
                ? "Your role may not open /" + path + ". An admin can give your account the role it needs."
                : "There is no page at /" + path + ".");
        text.setId("error-message");
        page.add(title, text, new Anchor("", "Go to the explorer"));
        return isPage ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND;
    }

    private static boolean isGuest() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof GuestAuthentication;
    }

    /** Where Vaadin's own access check keeps it, so its login success handler returns there. */
    private static void rememberWhereTheGuestWasGoing(BeforeEnterEvent event) {
        VaadinSession session = VaadinSession.getCurrent();
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (session == null || request == null) {
            return;
        }
        String target = event.getLocation().getPathWithQueryParameters();
        String root = ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).toUriString();
        session.getSession().setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT, target);
        session.getSession().setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE, root + "/" + target);
    }
}
