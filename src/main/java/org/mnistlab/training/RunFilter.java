package org.mnistlab.training;

import org.mnistlab.dataset.DatasetKind;

/**
 * Which runs a list shows; null fields match everything, {@code text} searches the name (case-insensitive),
 * {@code owner} keeps the runs one user queued ("mine").
 */
public record RunFilter(DatasetKind dataset, Architecture architecture, RunStatus status, String text, String owner) {

    public static final RunFilter ALL = new RunFilter(null, null, null, null, null);

    /** A filter that matches every owner. */
    public RunFilter(DatasetKind dataset, Architecture architecture, RunStatus status, String text) {
        this(dataset, architecture, status, text, null);
    }

    public RunFilter withOwner(String newOwner) {
        return new RunFilter(dataset, architecture, status, text, newOwner);
    }
}
