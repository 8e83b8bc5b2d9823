package io.cemhub.model;

import java.time.Instant;

/**
 * The TMF688 event envelope every subscriber receives. {@code eventId} is stable: it is derived from
 * the record (or alarm transition) it describes, so a redelivered event carries the same id and
 * receivers can drop duplicates. {@code event} holds the resource, e.g. {@code {"measurement": ...,
 * "context": ...}}.
 */
public record EventEnvelope(
        String eventId,
        Instant eventTime,
        String eventType,
        String correlationId,
        String domain,
        String priority,
        String source,
        String reportingSystem,
        Object event) {
}
