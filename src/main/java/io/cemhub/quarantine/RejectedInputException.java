package io.cemhub.quarantine;

/** Input refused for a reason that retrying cannot change: it belongs in quarantine. */
public class RejectedInputException extends RuntimeException {

    public RejectedInputException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
