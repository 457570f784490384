package org.mnistlab.security;

import java.time.Instant;

/** A personal API token as listed to its owner: the secret itself is shown once, when created, and never stored. */
public record ApiTokenInfo(long id, String label, Instant createdAt) {
}
