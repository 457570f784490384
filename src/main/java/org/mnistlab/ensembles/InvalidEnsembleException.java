package org.mnistlab.ensembles;

/** The runs chosen cannot form an ensemble; the message says why, for the user. */
public class InvalidEnsembleException extends IllegalArgumentException {

    public InvalidEnsembleException(String message) {
        super(message);
    }
}
