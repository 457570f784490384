package org.mnistlab.training;

import java.time.Instant;

/**
 * A configuration a user saved under a name, offered in the configurator beside the built-in {@link RunPreset}s.
 *
 * @param config kept with an empty run name, so a run started from it gets its readable default name
 * @param owner  who saved it; null for the system
 */
public record SavedPreset(long id, String name, RunConfig config, String owner, Instant createdAt) {
}
