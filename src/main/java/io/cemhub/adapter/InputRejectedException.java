package io.cemhub.adapter;

/** The input as a whole cannot be read (not JSON, empty, no CSV header): nothing in it can be mapped. */
public class InputRejectedException extends RuntimeException {

    public InputRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
