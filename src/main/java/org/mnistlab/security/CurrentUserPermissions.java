package org.mnistlab.security;

import java.util.Optional;
import org.mnistlab.base.Roles;
import org.mnistlab.training.RunPermissions;
import org.mnistlab.training.RunRecord;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Run permissions from the Spring Security context of the calling thread. No authentication at all means
 * an in-process caller (the command line, start-up, tests): allowed. Web requests always carry one
 * (anonymous at least), including Vaadin's push, whose context Vaadin keeps in the session.
 */
@Component
class CurrentUserPermissions implements RunPermissions {

    @Override
    public Optional<String> currentUser() {
        Authentication a = authentication();
        return a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated() || isGuest(a)
                ? Optional.empty() : Optional.of(a.getName());
    }

    @Override
    public boolean maySubmit() {
        Authentication a = authentication();
        return a == null || has(a, Roles.TRAINER);
    }

    @Override
    public boolean mayChange(RunRecord run) {
        Authentication a = authentication();
        if (a == null || has(a, Roles.ADMIN)) {
            return true;
        }
        return has(a, Roles.TRAINER) && run.owner() != null && run.owner().equals(currentUser().orElse(null));
    }

    @Override
    public boolean perUserLimitApplies() {
        Authentication a = authentication();
        return a != null && !has(a, Roles.ADMIN);
    }

    private static Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static boolean isGuest(Authentication a) {
        return a instanceof GuestAuthentication;
    }

    private static boolean has(Authentication a, String role) {
        return a.isAuthenticated() && a.getAuthorities().stream().anyMatch(g -> ("ROLE_" + role).equals(g.getAuthority()));
    }
}
