package io.cemhub.api;

/** A query parameter the endpoint cannot work with (400 invalid-parameter). */
public class InvalidParameterException extends RuntimeException {

    public InvalidParameterException(String message) {
        super(message);
    }
}
