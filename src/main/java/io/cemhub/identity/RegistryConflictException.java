package io.cemhub.identity;

/** A registry change that contradicts what is stored (an id owned elsewhere, a missing parent...). */
public class RegistryConflictException extends RuntimeException {

    public RegistryConflictException(String message) {
        super(message);
    }
}
