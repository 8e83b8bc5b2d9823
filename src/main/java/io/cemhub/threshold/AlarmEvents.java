package io.cemhub.threshold;

import io.cemhub.model.Alarm;
import io.cemhub.model.EventEnvelope;
import io.cemhub.pipeline.EventFactory;

import java.util.Map;

/** TMF642 notifications as TMF688 envelopes; ids derive from the alarm and what changed it. */
public class AlarmEvents {

    public static final String CREATE = "AlarmCreateEvent";
    public static final String CHANGE = "AlarmAttributeValueChangeEvent";
    public static final String STATE_CHANGE = "AlarmStateChangeEvent";

    private final EventFactory events;

    public AlarmEvents(EventFactory events) {
        this.events = events;
    }

    public EventEnvelope forTransition(Transition t, Alarm alarm, String causeId) {
        String type = switch (t.kind()) {
            case RAISE -> CREATE;
            case CHANGE -> CHANGE;
            case CLEAR -> STATE_CHANGE;
        };
        return event(type, alarm, causeId);
    }

    public EventEnvelope event(String type, Alarm alarm, String causeId) {
        String priority = "critical".equals(alarm.perceivedSeverity()) || "major".equals(alarm.perceivedSeverity())
                ? "high" : "normal";
        return events.envelope(EventFactory.stableId(type, alarm.id(), causeId), type, causeId, "alarm", priority,
                EventFactory.REPORTING_SYSTEM, Map.of("alarm", alarm));
    }
}
