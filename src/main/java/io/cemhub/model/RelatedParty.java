package io.cemhub.model;

/** A TM Forum related-party reference: who a resource concerns, in which role. */
public record RelatedParty(String id, String role, String name, String referredType) {
}
