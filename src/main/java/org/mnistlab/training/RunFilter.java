package org.mnistlab.training;

import org.mnistlab.dataset.DatasetKind;

/** Which runs a list shows; null fields match everything, {@code text} searches the name (case-insensitive). */
public record RunFilter(DatasetKind dataset, Architecture architecture, RunStatus status, String text) {

    public static final RunFilter ALL = new RunFilter(null, null, null, null);
}
