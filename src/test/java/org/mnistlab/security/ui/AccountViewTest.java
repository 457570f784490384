package org.mnistlab.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.security.ApiTokenInfo;
import org.mnistlab.security.Role;
import org.mnistlab.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;

/** The account page: a user creates an API token, sees it once, lists and deletes theirs. */
class AccountViewTest extends SpringAppTest {

    static final String USER = "account-test";

    @Autowired
    UserService users;

    @BeforeEach
    void aUserWithoutTokens() {
        if (users.role(USER).isEmpty()) {
            users.create(USER, "password-" + USER, Role.VIEWER);
        }
        users.tokens(USER).forEach(t -> users.deleteToken(USER, t.id()));
        loginAs(USER, Role.VIEWER);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_viewer_creates_a_token_that_authenticates_them_and_deletes_it() {
        open("account");
        _get(TextField.class, spec -> spec.withId("token-label")).setValue("notebook");
        _click(_get(Button.class, spec -> spec.withId("create-token")));

        String token = _get(TextField.class, spec -> spec.withId("new-token")).getValue();
        assertThat(token).startsWith("mnl_");
        assertThat(users.userForToken(token)).map(u -> u.getUsername()).contains(USER);
        Grid<ApiTokenInfo> grid = _get(Grid.class, spec -> spec.withId("tokens-grid"));
        assertThat(GridKt._findAll(grid)).extracting(ApiTokenInfo::label).containsExactly("notebook");

        _click((Button) GridKt._getCellComponent(grid, 0, "delete"));
        assertThat(GridKt._findAll(grid)).isEmpty();
        assertThat(users.userForToken(token)).isEmpty();
    }

    @Test
    void the_user_name_in_the_title_bar_links_to_the_account_page() {
        open("account");
        assertThat(_get(Anchor.class, spec -> spec.withId("user-name")).getHref()).isEqualTo("account");
        assertThat(_get(Anchor.class, spec -> spec.withId("user-name")).getText()).isEqualTo(USER);
    }
}
