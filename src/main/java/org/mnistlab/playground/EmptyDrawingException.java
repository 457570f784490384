package org.mnistlab.playground;

/** The drawing has no ink: there is nothing to classify. The message is meant for the user. */
public class EmptyDrawingException extends IllegalArgumentException {

    public static final String MESSAGE = "Draw a digit first";

    public EmptyDrawingException() {
        super(MESSAGE);
    }
}
