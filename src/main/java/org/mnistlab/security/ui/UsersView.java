package org.mnistlab.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.Notifications;
import org.mnistlab.security.AppUser;
import org.mnistlab.security.Role;
import org.mnistlab.security.UserService;

/**
 * The admin's page: add users, change their role or password, remove them. Passwords are typed in plain
 * text fields: they are initial passwords the admin hands over (a password field would add a web component
 * to the frontend bundle).
 */
@RolesAllowed(Roles.ADMIN)
@Route("admin/users")
@PageTitle("Users · MNIST Lab")
@Menu(order = 90, title = "Users", icon = "lab:users")
public class UsersView extends VerticalLayout {

    private final UserService users;
    private final Grid<AppUser> grid = new Grid<>();
    final TextField username = new TextField("User name");
    final TextField password = new TextField("Initial password");
    final Select<Role> role = new Select<>();

    public UsersView(UserService users) {
        this.users = users;
        grid.setId("users-grid");
        grid.addColumn(AppUser::username).setHeader("User").setAutoWidth(true);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setAutoWidth(true);
        grid.addColumn(u -> Format.dateTime(u.createdAt())).setHeader("Since").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        username.setId("new-username");
        password.setId("new-password");
        role.setId("new-role");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setValue(Role.TRAINER);
        Button add = new Button("Add user", e -> addUser());
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, password, role, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Users"), form, grid);
        refresh();
    }

    private void addUser() {
        try {
            users.create(username.getValue(), password.getValue(), role.getValue());
            Notifications.success("Added " + username.getValue().strip());
            username.clear();
            password.clear();
            refresh();
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        }
    }

    private Select<Role> roleSelect(AppUser user) {
        Select<Role> select = new Select<>();
        select.setItems(Role.values());
        select.setItemLabelGenerator(Role::label);
        select.setValue(user.role());
        select.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                users.setRole(user.username(), e.getValue());
                Notifications.success(user.username() + " is now " + e.getValue().label().toLowerCase());
            } catch (IllegalArgumentException ex) {
                Notifications.error(ex.getMessage());
                refresh();
            }
        });
        return select;
    }

    private HorizontalLayout actions(AppUser user) {
        TextField newPassword = new TextField();
        newPassword.setPlaceholder("New password");
        Button set = new Button("Set password", e -> {
            try {
                users.setPassword(user.username(), newPassword.getValue());
                newPassword.clear();
                Notifications.success("Password of " + user.username() + " changed");
            } catch (IllegalArgumentException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        Button delete = new Button("Delete", e -> {
            try {
                users.delete(user.username());
                refresh();
            } catch (IllegalArgumentException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(newPassword, set, delete);
    }

    private void refresh() {
        grid.setItems(users.users());
    }
}
