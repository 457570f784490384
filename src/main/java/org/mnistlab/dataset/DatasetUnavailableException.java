package org.mnistlab.dataset;

/** A dataset cannot be used right now; the message says why in words a user can act on. */
public class DatasetUnavailableException extends RuntimeException {

    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
