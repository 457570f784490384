package org.mnistlab.training;

/** A preset cannot be saved under this name (empty, too long or taken); the message says which. */
public class PresetNameException extends RuntimeException {

    public PresetNameException(String message) {
        super(message);
    }
}
