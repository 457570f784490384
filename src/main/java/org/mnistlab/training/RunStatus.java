package org.mnistlab.training;

/** Life cycle of a run. INTERRUPTED: the server stopped while it was queued or running. */
public enum RunStatus {
    QUEUED, RUNNING, FINISHED, FAILED, CANCELLED, INTERRUPTED;

    /** Queued or running: not yet final. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
