package org.mnistlab.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.security.Role;
import org.mnistlab.runs.ui.RunConfigForm;

/**
 * A page a visitor may not open says so in words; a demo's guest is sent to log in. (A path without a page is
 * checked in the browser: Karibu's navigation forwards it to the log-in page before the app's page is asked.)
 */
class RefusedPageTest extends SpringAppTest {

    @Test
    void a_guest_who_opens_a_trainers_page_is_sent_to_log_in_and_comes_back_there_after() {
        visitAsGuest();
        open("train");

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
        _assertNone(RunConfigForm.class);
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT))
                .isEqualTo("train");
        assertThat((String) VaadinSession.getCurrent().getSession()
                .getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE)).endsWith("/train");
    }

    @Test
    void a_viewer_who_opens_a_trainers_page_is_told_their_role_may_not_open_it() {
        loginAs("page-test-viewer", Role.VIEWER);
        open("train");

        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(LoginView.class);
        _assertNone(RunConfigForm.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("error-message")).getText())
                .isEqualTo("Your role may not open /train. An admin can give your account the role it needs.");
    }
}
