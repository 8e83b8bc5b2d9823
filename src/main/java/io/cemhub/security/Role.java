package io.cemhub.security;

/**
 * Who may do what (docs/security.md has the full table): ADMIN everything; INTEGRATOR adapters,
 * subscriptions, quarantine replay; OPERATOR thresholds, alarm ack/clear, routes in Hawtio; ANALYST read and
 * reports; CUSTOMER only its own customer's data; SOURCE the ingest endpoints only.
 */
public enum Role {
    ADMIN, INTEGRATOR, OPERATOR, ANALYST, CUSTOMER, SOURCE;

    /** Spring Security's authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
