package io.cemhub.pipeline;

import io.cemhub.model.CemRecord;
import io.cemhub.model.CustomerInteraction;
import io.cemhub.model.EventEnvelope;
import io.cemhub.model.Measurement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds TMF688 envelopes. Event ids are name-based UUIDs of what the event is about (event type,
 * source system, record id, and for alarms the transition), so processing a record again after a
 * crash yields the same eventId and receivers can drop the duplicate.
 */
public class EventFactory {

    public static final String MEASUREMENT_CREATE = "MeasurementCreateEvent";
    public static final String INTERACTION_CREATE = "CustomerInteractionCreateEvent";
    public static final String REPORTING_SYSTEM = "cem-hub";

    private final Clock clock;

    public EventFactory(Clock clock) {
        this.clock = clock;
    }

    public static String stableId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The event that announces the record itself. */
    public EventEnvelope recordEvent(PipelineItem item) {
        CemRecord record = item.record();
        boolean measurement = record instanceof Measurement;
        String type = measurement ? MEASUREMENT_CREATE : INTERACTION_CREATE;
        String system = record.source() == null ? "" : record.source().system();
        Map<String, Object> event = new LinkedHashMap<>(4);
        event.put(measurement ? "measurement" : "interaction", record);
        event.put("context", item.context());
        return new EventEnvelope(stableId(type, system, record.id()), clock.instant(), type, record.id(),
                measurement ? "performance" : "customer", priorityOf(record), system, REPORTING_SYSTEM, event);
    }

    public EventEnvelope envelope(String eventId, String eventType, String correlationId, String domain,
                                  String priority, String source, Object event) {
        return new EventEnvelope(eventId, clock.instant(), eventType, correlationId, domain, priority, source,
                REPORTING_SYSTEM, event);
    }

    private static String priorityOf(CemRecord record) {
        return record instanceof CustomerInteraction i && CustomerInteraction.TROUBLE_TICKET.equals(i.interactionType())
                ? "high" : "normal";
    }
}
