package io.cemhub.identity;

/** An id as a source system names it (system null: the id is tried as a canonical id only). */
public record IdentityRef(String system, String id) {
}
