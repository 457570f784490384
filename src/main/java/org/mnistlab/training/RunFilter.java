package org.mnistlab.training;

import org.mnistlab.dataset.DatasetKind;

/**
 * Which runs a list shows; null fields match everything, {@code text} searches the name (case-insensitive),
 * {@code sweepId} keeps the runs a sweep queued, {@code owner} the runs one user queued ("mine").
 */
public record RunFilter(DatasetKind dataset, Architecture architecture, RunStatus status, String text, Long sweepId,
                        String owner) {

    public static final RunFilter ALL = new RunFilter(null, null, null, null);

    public RunFilter(DatasetKind dataset, Architecture architecture, RunStatus status, String text) {
        this(dataset, architecture, status, text, null, null);
    }

    public RunFilter(DatasetKind dataset, Architecture architecture, RunStatus status, String text, Long sweepId) {
        this(dataset, architecture, status, text, sweepId, null);
    }

    public RunFilter withOwner(String newOwner) {
        return new RunFilter(dataset, architecture, status, text, sweepId, newOwner);
    }
}
