package io.cemhub.model;

/**
 * Where a record came from: the source system (e.g. {@code wisla-vpn}) and the adapter instance that
 * normalised it (e.g. {@code wisla-vpn-rest}). Identity resolution looks external ids up per system.
 */
public record SourceRef(String system, String adapter) {
}
