package io.cemhub.api;

/** The request conflicts with the resource's state (409); {@code type} is the problem type's last segment. */
public class ConflictException extends RuntimeException {

    private final String type;

    public ConflictException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
