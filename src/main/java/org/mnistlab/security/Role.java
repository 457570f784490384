package org.mnistlab.security;

import java.util.List;
import java.util.Locale;
import org.mnistlab.base.Roles;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A user's role; each grants the authorities of the roles below it. */
public enum Role {
    VIEWER(Roles.VIEWER),
    TRAINER(Roles.VIEWER, Roles.TRAINER),
    ADMIN(Roles.VIEWER, Roles.TRAINER, Roles.ADMIN);

    private final List<String> roles;

    Role(String... roles) {
        this.roles = List.of(roles);
    }

    public List<GrantedAuthority> authorities() {
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
