package org.mnistlab.training;

/** Thrown on the training thread when a run is cancelled (or the server stops) between two batches. */
public class RunCancelledException extends RuntimeException {

    public RunCancelledException() {
        super("Run cancelled", null, false, false);
    }
}
