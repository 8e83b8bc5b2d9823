package io.cemhub.identity;

/**
 * Published after every registry write (after its commit): ids that records were held for may be known
 * now. Listeners must not assume which ids changed.
 */
public record RegistryChanged(String what) {
}
