package io.cemhub.broker;

/** Names of the broker addresses the hub itself owns; each is documented in docs/architecture.md. */
public final class HubAddresses {

    /** Dead letters: messages that failed {@code cem.broker.max-delivery-attempts} times. */
    public static final String DEAD_LETTER = "cem.dlq";
    /** Input that could not be accepted, with its original payload and the reason. */
    public static final String QUARANTINE = "cem.quarantine";
    /** Every event the hub emits (multicast: each durable subscription gets a copy). */
    public static final String EVENTS = "cem.events";

    private HubAddresses() {
    }
}
