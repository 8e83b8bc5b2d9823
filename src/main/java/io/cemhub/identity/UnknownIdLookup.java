package io.cemhub.identity;

/**
 * Asks the master of identities (the CRM's query service) about an id records wait for. Must not block
 * for long and must not throw: an answer arrives as a registry write (and so {@link RegistryChanged}).
 */
public interface UnknownIdLookup {

    void lookUp(HeldKey key);

    UnknownIdLookup NONE = key -> { };
}
