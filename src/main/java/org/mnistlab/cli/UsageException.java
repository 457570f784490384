package org.mnistlab.cli;

/** Bad command-line arguments; the message says what to change. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
