package org.mnistlab.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.mnistlab.base.Roles;
import org.mnistlab.security.GuestAuthentication;
import org.mnistlab.security.SecuritySettings;
import org.mnistlab.security.UserService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's own filter chain, ahead of the web app's: stateless, a personal token in {@code Authorization:
 * Bearer} on every call (no session cookie is read, so no CSRF token is needed), answers in JSON. Roles as
 * in the UI: viewers read and predict, trainers submit and change their own runs (the run queue checks the
 * owner), admins all. The OpenAPI description and its UI are open: they hold no data.
 */
@Configuration
@ConditionalOnWebApplication
class ApiSecurityConfig {

    static final String BEARER = "bearer";
    static final String NO_TOKEN = "Send a personal API token as 'Authorization: Bearer <token>' (create one on"
            + " your account page, /account)";
    static final String TOKEN_REFUSED = "The token was refused: it is unknown or was deleted";
    private static final String[] DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    private static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' "
            + "'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, UserService users, SecuritySettings settings,
                                       ObjectMapper json) throws Exception {
        http.securityMatcher(matchers())
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // a call from a browser that has the UI open carries its session cookie: the default
                        // session-fixation defence would change that session's id, and the open tab's Vaadin
                        // session with it, on every call
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(DOCS_POLICY)))
                .addFilterBefore(new BearerTokenFilter(users, settings.anonymousViewer(), json),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) ->
                                write(json, response, HttpStatus.UNAUTHORIZED, NO_TOKEN))
                        .accessDeniedHandler((request, response, failure) -> {
                            Authentication a = SecurityContextHolder.getContext().getAuthentication();
                            if (a instanceof GuestAuthentication) {
                                write(json, response, HttpStatus.UNAUTHORIZED, NO_TOKEN);
                            } else {
                                write(json, response, HttpStatus.FORBIDDEN, "Your role may not do this: viewers "
                                        + "read runs and predict, trainers also start, cancel and delete their own runs");
                            }
                        }))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(DOCS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/runs/*/predict").hasRole(Roles.VIEWER)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Roles.VIEWER)
                        .requestMatchers(HttpMethod.POST, "/api/runs", "/api/runs/*/cancel").hasRole(Roles.TRAINER)
                        .requestMatchers(HttpMethod.DELETE, "/api/runs/*").hasRole(Roles.TRAINER)
                        .anyRequest().hasRole(Roles.VIEWER));
        return http.build();
    }

    private static String[] matchers() {
        String[] all = new String[DOCS.length + 1];
        all[0] = "/api/**";
        System.arraycopy(DOCS, 0, all, 1, DOCS.length);
        return all;
    }

    @Bean
    OpenAPI mnistLabOpenApi() {
        return new OpenAPI()
                .info(new Info().title("MNIST Lab API").version("1")
                        .description("Runs, submissions, models and predictions. Every call but these docs needs a"
                                + " personal API token (create one on /account): Authorization: Bearer <token>."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A personal API token (mnl_…) from the account page")));
    }

    static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        json.writeValue(response.getOutputStream(), new ApiError(message));
    }

    /**
     * Authenticates a request by its bearer token (the user's current role, so a changed role counts at once);
     * refuses a wrong token at once rather than treating the call as anonymous. Without a token, a public demo's
     * visitor is the viewer "guest".
     */
    private static final class BearerTokenFilter extends OncePerRequestFilter {

        private final UserService users;
        private final boolean anonymousViewer;
        private final ObjectMapper json;

        BearerTokenFilter(UserService users, boolean anonymousViewer, ObjectMapper json) {
            this.users = users;
            this.anonymousViewer = anonymousViewer;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            Authentication authentication = null;
            if (header != null) {
                if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    write(json, response, HttpStatus.UNAUTHORIZED, NO_TOKEN);
                    return;
                }
                Optional<UserDetails> user = users.userForToken(header.substring(7).strip());
                if (user.isEmpty()) {
                    write(json, response, HttpStatus.UNAUTHORIZED, TOKEN_REFUSED);
                    return;
                }
                authentication = UsernamePasswordAuthenticationToken.authenticated(user.get().getUsername(), null,
                        user.get().getAuthorities());
            } else if (anonymousViewer) {
                authentication = new GuestAuthentication();
            }
            if (authentication != null) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
