package io.cemhub.api;

import io.cemhub.ingest.RecordError;

import java.util.List;

/** A request body that does not match its schema, or contradicts the URL it was sent to. */
public class InvalidBodyException extends RuntimeException {

    private final transient List<RecordError> errors;

    public InvalidBodyException(String message, List<RecordError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<RecordError> errors() {
        return errors;
    }
}
