package org.mnistlab.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import org.mnistlab.base.Roles;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.Notifications;
import org.mnistlab.security.ApiTokenInfo;
import org.mnistlab.security.Role;
import org.mnistlab.security.UserService;

/**
 * The logged-in user's page: their role and personal API tokens for scripts (the JSON API under /api and the
 * command line's {@code --server}). A new token's secret is shown once: only its hash is kept.
 */
@RolesAllowed(Roles.VIEWER)
@Route("account")
@PageTitle("Account · MNIST Lab")
public class AccountView extends VerticalLayout {

    private final UserService users;
    private final String username;
    private final Grid<ApiTokenInfo> tokens = new Grid<>();
    final TextField label = new TextField("Label");
    final TextField secret = new TextField("Your new token (shown once)");
    private final HorizontalLayout created;

    public AccountView(UserService users, AuthenticationContext authentication) {
        this.users = users;
        this.username = currentUser(authentication);
        Role role = users.role(username).orElse(null);
        add(new H2("Account"));
        if (role == null) {
            add(new Paragraph("Log in to create API tokens: a visitor of the public demo has no account."));
            created = new HorizontalLayout();
            return;
        }
        add(new Paragraph("Logged in as " + username + " (" + role.label().toLowerCase() + ")."));

        label.setId("token-label");
        label.setPlaceholder("e.g. notebook");
        label.setMaxLength(100);
        Button create = new Button("Create token", e -> createToken());
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(label, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        secret.setId("new-token");
        secret.setReadOnly(true);
        secret.setWidth("32em");
        Button copy = new Button("Copy", e -> secret.getElement()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", secret.getValue()));
        copy.setId("copy-token");
        created = new HorizontalLayout(secret, copy);
        created.setAlignItems(FlexComponent.Alignment.BASELINE);
        created.setVisible(false);

        tokens.setId("tokens-grid");
        tokens.addColumn(ApiTokenInfo::label).setHeader("Token").setAutoWidth(true);
        tokens.addColumn(t -> Format.dateTime(t.createdAt())).setHeader("Created").setAutoWidth(true);
        tokens.addComponentColumn(this::deleteButton).setKey("delete").setAutoWidth(true);
        tokens.setAllRowsVisible(true);

        Anchor reference = new Anchor("swagger-ui.html", "API reference (Swagger UI)");
        reference.setId("api-reference");
        reference.getElement().setAttribute("router-ignore", true); // a server page, not one of the app's routes
        add(new H3("API tokens"),
                new Paragraph("A token lets a script act as you: send it as 'Authorization: Bearer <token>' to the"
                        + " JSON API, or give it to the command line's --server. Delete a token you no longer use."),
                reference,
                form, created, tokens);
        refresh();
    }

    /**
     * The request's principal, as Vaadin's view access check reads it: it is there in a navigation over the push
     * connection too, where the security context holder may be empty.
     */
    private static String currentUser(AuthenticationContext authentication) {
        VaadinRequest request = VaadinRequest.getCurrent();
        Principal principal = request == null ? null : request.getUserPrincipal();
        return principal != null ? principal.getName() : authentication.getPrincipalName().orElse("");
    }

    private void createToken() {
        try {
            secret.setValue(users.createToken(username, label.getValue()));
            created.setVisible(true);
            label.clear();
            Notifications.success("Token created: copy it now, it is not shown again");
            refresh();
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        }
    }

    private Button deleteButton(ApiTokenInfo token) {
        Button delete = new Button("Delete", e -> {
            users.deleteToken(username, token.id());
            refresh();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return delete;
    }

    private void refresh() {
        tokens.setItems(users.tokens(username));
    }
}
