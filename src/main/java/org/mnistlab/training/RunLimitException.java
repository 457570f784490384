package org.mnistlab.training;

/** Queuing this run would pass a limit of {@link RunLimits}; the message says which and what to do. */
public class RunLimitException extends RuntimeException {

    public RunLimitException(String message) {
        super(message);
    }
}
