package org.mnistlab.security;

import java.time.Instant;

/** A user as listed on the users page (never with the password hash). */
public record AppUser(String username, Role role, Instant createdAt) {
}
