package org.mnistlab.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A visitor who has not logged in while {@code mnistlab.security.anonymous-viewer} is on: a viewer named
 * "guest". Not Spring's anonymous token, because Vaadin's view checks give anonymous users no roles.
 */
public final class GuestAuthentication extends AbstractAuthenticationToken {

    public static final String NAME = "guest";

    public GuestAuthentication() {
        super(List.copyOf(Role.VIEWER.authorities()));
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return NAME;
    }
}
