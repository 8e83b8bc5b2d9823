package io.cemhub.pipeline;

/** A message that can never be processed, however often it is retried: it goes to quarantine. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
