package org.mnistlab.ensembles;

/** One run of an ensemble, as it was when the ensemble was evaluated (the run may be deleted later). */
public record EnsembleMember(long runId, String name, String model, double testAccuracy) {
}
