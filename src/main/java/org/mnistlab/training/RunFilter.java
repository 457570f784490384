package org.mnistlab.training;

import org.mnistlab.dataset.DatasetKind;

/**
 * Which runs a list shows; null fields match everything, {@code text} searches the name (case-insensitive),
 * {@code sweepId} keeps the runs a sweep queued.
 */
public record RunFilter(DatasetKind dataset, Architecture architecture, RunStatus status, String text, Long sweepId) {

    public static final RunFilter ALL = new RunFilter(null, null, null, null);

    public RunFilter(DatasetKind dataset, Architecture architecture, RunStatus status, String text) {
        this(dataset, architecture, status, text, null);
    }
}
