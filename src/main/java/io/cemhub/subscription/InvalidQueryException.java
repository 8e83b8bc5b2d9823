package io.cemhub.subscription;

/** A subscription query that cannot be parsed; the message says which part and what is allowed. */
public class InvalidQueryException extends IllegalArgumentException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
