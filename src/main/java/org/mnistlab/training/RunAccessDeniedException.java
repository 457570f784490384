package org.mnistlab.training;

/** The current user may not do this to the run (not theirs, or their role does not allow it). */
public class RunAccessDeniedException extends RuntimeException {

    public RunAccessDeniedException(String message) {
        super(message);
    }
}
