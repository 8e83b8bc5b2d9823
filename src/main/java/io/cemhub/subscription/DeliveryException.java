package io.cemhub.subscription;

/**
 * A notification the subscriber did not take. {@code permanent} when retrying cannot help (the receiver
 * refused the request itself: HTTP 4xx other than 408 and 429, a SOAP client fault); such events are
 * dead-lettered at once.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public DeliveryException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    public boolean permanent() {
        return permanent;
    }
}
