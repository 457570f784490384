package org.mnistlab.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.security.GuestAuthentication;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** The public demo's guest: who the filter makes a visitor, and that it never makes a session. */
class GuestFilterTest {

    private final WebSecurityConfig.GuestFilter filter = new WebSecurityConfig.GuestFilter();
    private final AtomicReference<Authentication> seenByTheApp = new AtomicReference<>();
    private final FilterChain app = (request, response) ->
            seenByTheApp.set(SecurityContextHolder.getContext().getAuthentication());

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void arriveAs(Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }

    private static AnonymousAuthenticationToken anonymous() {
        return new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));
    }

    @Test
    void a_request_without_a_session_is_the_guest_and_gets_no_session() throws Exception {
        // e.g. a script requested with the session id a login has just replaced: a new session here would send a
        // cookie that overwrites the logged-in one
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/VAADIN/build/chunk.js");
        arriveAs(anonymous());
        filter.doFilter(request, new MockHttpServletResponse(), app);

        assertThat(seenByTheApp.get()).isInstanceOf(GuestAuthentication.class);
        assertThat(request.getSession(false)).isNull();
    }

    @Test
    void a_page_with_a_session_keeps_the_guest_there_for_its_push_socket() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        MockHttpSession session = new MockHttpSession();
        request.setSession(session);
        arriveAs(anonymous());
        filter.doFilter(request, new MockHttpServletResponse(), app);

        assertThat(seenByTheApp.get()).isInstanceOf(GuestAuthentication.class);
        SecurityContext kept = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(kept.getAuthentication()).isInstanceOf(GuestAuthentication.class);
    }

    @Test
    void a_logged_in_user_stays_who_they_are() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/train");
        MockHttpSession session = new MockHttpSession();
        request.setSession(session);
        Authentication trainer = UsernamePasswordAuthenticationToken.authenticated("tara", null,
                List.of(new SimpleGrantedAuthority("ROLE_TRAINER")));
        arriveAs(trainer);
        filter.doFilter(request, new MockHttpServletResponse(), app);

        assertThat(seenByTheApp.get()).isSameAs(trainer);
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
    }
}
