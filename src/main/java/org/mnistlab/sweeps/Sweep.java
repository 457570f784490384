package org.mnistlab.sweeps;

import java.time.Instant;

/** A stored sweep; {@code cancelled} once a person cancelled it. */
public record Sweep(long id, SweepSpec spec, Instant createdAt, boolean cancelled) {

    public String name() {
        return spec.displayName();
    }
}
