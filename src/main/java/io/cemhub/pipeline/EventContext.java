package io.cemhub.pipeline;

import java.util.Map;

/**
 * What enrichment adds to a record's event: who the customer is and what was promised. Subscriber
 * filters (segment, slaTier, serviceType) and thresholds read it. {@code identity} is "resolved" or
 * "unresolved" (the registry did not know the service; the record flows on, flagged).
 */
public record EventContext(
        String identity,
        String customerId,
        String customerName,
        String segment,
        String slaTier,
        String serviceType,
        Map<String, Double> contracted) {

    public static final String RESOLVED = "resolved";
    public static final String UNRESOLVED = "unresolved";

    public static EventContext unresolved(String customerId, String serviceType) {
        return new EventContext(UNRESOLVED, customerId, null, null, null, serviceType, Map.of());
    }

    public boolean isResolved() {
        return RESOLVED.equals(identity);
    }
}
