package org.mnistlab.playground;

/** A run's model cannot be used (file missing, unreadable, wrong shape); the message is meant for the user. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
