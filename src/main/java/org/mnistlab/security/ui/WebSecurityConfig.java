package org.mnistlab.security.ui;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.InetAddress;
import org.mnistlab.base.FirstPageWarmUp;
import org.mnistlab.security.GuestAuthentication;
import org.mnistlab.security.SecuritySettings;
import org.mnistlab.security.UserService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.context.annotation.Import;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web app's filter chain through Vaadin's integration: every view declares who may open it, the login
 * page posts to Spring's form login, CSRF is Vaadin's. Headers: no framing by other sites, no MIME
 * sniffing, and a content security policy Vaadin works under (its bootstrap and {@code executeJs} need
 * inline scripts and eval; the push socket is same-origin).
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication
// Clicks and navigations that arrive over the push websocket pass no servlet filter: this strategy finds the
// user in the session there, so the run permissions know who acts (without it they saw nobody, i.e. the system).
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class WebSecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; "
            + "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    PasswordEncoder passwordEncoder(UserService users) {
        return users.passwordEncoder();
    }

    @Bean
    SecurityFilterChain vaadinFilterChain(HttpSecurity http, SecuritySettings settings,
                                          ObjectProvider<FirstPageWarmUp> warmUp) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/images/**").permitAll());
        http.headers(h -> h
                .frameOptions(f -> f.sameOrigin())
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (settings.anonymousViewer()) {
            http.addFilterAfter(new GuestFilter(), AnonymousAuthenticationFilter.class);
        }
        warmUp.ifAvailable(w -> http.addFilterAfter(new WarmUpFilter(w), AnonymousAuthenticationFilter.class));
        http.with(vaadin(), (VaadinSecurityConfigurer vaadin) -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    /**
     * Public demo: a visitor who has not logged in is the viewer "guest" for this request. It never makes a
     * session: a request that still carried the id a login had just replaced (a script, an image, the closing
     * page's last message) would get a fresh guest session whose cookie overwrote the new login's, and the user,
     * just logged in, was a guest again on the next page.
     */
    static final class GuestFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (isAnonymous()) {
                SecurityContext context = actAsGuest();
                // kept in the page's session too, where the websocket's requests find it: the guest stays a
                // viewer there (the page's first request has no session yet; its later ones and the socket's do)
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                }
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * The start-up warm-up's own requests ({@link FirstPageWarmUp}): from this machine, with the secret, while
     * the warm-up runs, a request is served as a viewer, so the pages after a login are warm too. Nothing of it
     * stays: the session the page made is closed once its response is written.
     */
    static final class WarmUpFilter extends OncePerRequestFilter {
        private final FirstPageWarmUp warmUp;

        WarmUpFilter(FirstPageWarmUp warmUp) {
            this.warmUp = warmUp;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!isAnonymous() || !warmUp.admits(request.getHeader(FirstPageWarmUp.HEADER)) || !fromThisMachine(request)) {
                chain.doFilter(request, response);
                return;
            }
            actAsGuest();
            try {
                chain.doFilter(request, response);
            } finally {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }

        private static boolean fromThisMachine(HttpServletRequest request) {
            String remote = request.getRemoteAddr();
            if (remote == null) {
                return false;
            }
            if (remote.equals(request.getLocalAddr())) {
                return true;
            }
            try {
                return InetAddress.getByName(remote).isLoopbackAddress(); // a literal address: no lookup
            } catch (IOException e) {
                return false;
            }
        }
    }

    private static boolean isAnonymous() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof AnonymousAuthenticationToken;
    }

    /** Makes this request's user the viewer "guest"; returns the context set. */
    private static SecurityContext actAsGuest() {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new GuestAuthentication());
        SecurityContextHolder.setContext(context);
        return context;
    }
}
