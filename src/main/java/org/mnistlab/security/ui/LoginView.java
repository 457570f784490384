package org.mnistlab.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The log-in page: a plain HTML form posted to Spring Security's {@code /login} (Vaadin adds the CSRF
 * token to the form's data), so the session id changes on login as Spring does it, and no extra web
 * component is needed in the frontend bundle.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · MNIST Lab")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final Paragraph error = new Paragraph("Wrong user name or password.");

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        error.setId("login-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        Element form = new Element("form");
        form.setAttribute("method", "post");
        form.setAttribute("action", "login");
        form.setAttribute("id", "login-form");
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("min-width", "18em");
        form.appendChild(
                label("User name", input("text", "username", "username")),
                label("Password", input("password", "password", "current-password")),
                submit());
        Div box = new Div(new H2("MNIST Lab"), error);
        box.getElement().appendChild(form);
        add(box);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        error.setVisible(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    private static Element label(String text, Element input) {
        Element label = new Element("label");
        label.setText(text);
        label.getStyle().set("display", "flex").set("flex-direction", "column");
        label.appendChild(input);
        return label;
    }

    private static Element input(String type, String name, String autocomplete) {
        Element input = new Element("input");
        input.setAttribute("type", type);
        input.setAttribute("name", name);
        input.setAttribute("id", name);
        input.setAttribute("autocomplete", autocomplete);
        input.setAttribute("required", true);
        input.getStyle().set("font", "inherit").set("padding", "var(--lumo-space-xs)");
        return input;
    }

    private static Element submit() {
        Element button = new Element("button");
        button.setAttribute("type", "submit");
        button.setText("Log in");
        button.getStyle().set("font", "inherit").set("padding", "var(--lumo-space-xs)");
        return button;
    }
}
