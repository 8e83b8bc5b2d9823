package io.cemhub.identity;

/**
 * An id a source used that the registry did not know: the source system, whether it names a service or
 * a customer, and the id as the source names it.
 */
public record HeldKey(String system, Kind kind, String ref) {

    /** What the held id names. */
    public enum Kind { SERVICE, CUSTOMER }

    /** Whether the registry knows the id now. */
    public boolean resolvesWith(IdentityResolver resolver) {
        return kind == Kind.SERVICE ? resolver.service(system, ref).isPresent()
                : resolver.customer(system, ref).isPresent();
    }
}
