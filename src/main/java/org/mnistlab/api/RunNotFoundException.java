package org.mnistlab.api;

/** No run has this id (any more). */
class RunNotFoundException extends RuntimeException {

    RunNotFoundException(long runId) {
        super("Run " + runId + " does not exist");
    }
}
