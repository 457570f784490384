package org.mnistlab.dataset;

/**
 * Where a dataset stands, for the UI: {@code message} explains a failure (naming the file) or what is
 * happening; {@code progress} is the download fraction in [0, 1], or -1.
 */
public record DatasetStatus(DatasetKind kind, State state, String message, double progress) {

    public enum State { NOT_LOADED, DOWNLOADING, LOADING, READY, FAILED }

    public boolean ready() {
        return state == State.READY;
    }
}
