package io.cemhub.subscription;

/** A subscription that cannot be created as asked; the message says what to fix. */
public class InvalidSubscriptionException extends IllegalArgumentException {

    public InvalidSubscriptionException(String message) {
        super(message);
    }
}
