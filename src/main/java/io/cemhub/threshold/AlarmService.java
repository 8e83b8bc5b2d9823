package io.cemhub.threshold;

import io.cemhub.model.Alarm;
import io.cemhub.model.EventEnvelope;
import io.cemhub.pipeline.EventPublisher;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Operator actions on alarms (TMF642): acknowledge, unacknowledge, comment, clear. Each change is stored
 * and notified on cem.events; the notification is sent inside the database transaction, so a broker
 * that refuses it also undoes the change.
 */
@Transactional
public class AlarmService {

    /** Most alarms one ackAlarms/clearAlarms call may touch. */
    static final int PATTERN_LIMIT = 10_000;

    private final AlarmStore store;
    private final AlarmEvents events;
    private final EventPublisher publisher;
    private final JmsTemplate producer;
    private final ThresholdMeters meters;
    private final Clock clock;

    public AlarmService(AlarmStore store, AlarmEvents events, EventPublisher publisher, JmsTemplate transactedProducer,
                        ThresholdMeters meters, Clock clock) {
        this.store = store;
        this.events = events;
        this.publisher = publisher;
        this.producer = transactedProducer;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Alarm> find(String id) {
        return store.find(id);
    }

    /** Sets the ack state and/or adds a comment. */
    public Optional<Alarm> patch(String id, String ackState, String user, String comment) {
        return store.find(id).map(a -> {
            Instant now = clock.instant();
            List<Alarm.AlarmComment> comments = new ArrayList<>(a.comment());
            if (comment != null && !comment.isBlank()) {
                comments.add(new Alarm.AlarmComment(comment, now, user, "cem-hub"));
            }
            Alarm changed = AlarmFactory.acknowledged(a, ackState == null ? a.ackState() : ackState, user, comments, now);
            save(changed, AlarmEvents.CHANGE, "patch:" + now.toEpochMilli());
            return changed;
        });
    }

    /** Acknowledges every unacknowledged alarm that matches one of the patterns. */
    public List<Alarm> ack(List<Map<String, String>> patterns, String user) {
        List<Alarm> acked = new ArrayList<>();
        for (Alarm a : matching(patterns)) {
            if (!AlarmFactory.ACKNOWLEDGED.equals(a.ackState())) {
                patch(a.id(), AlarmFactory.ACKNOWLEDGED, user, null).ifPresent(acked::add);
            }
        }
        return acked;
    }

    /** Clears every alarm not yet cleared that matches one of the patterns. */
    public List<Alarm> clear(List<Map<String, String>> patterns, String user) {
        List<Alarm> cleared = new ArrayList<>();
        Instant now = clock.instant();
        for (Alarm a : matching(patterns)) {
            if (!AlarmFactory.CLEARED.equals(a.state())) {
                Alarm c = AlarmFactory.cleared(a, now, now, user, a.silenced());
                save(c, AlarmEvents.STATE_CHANGE, "clear:" + now.toEpochMilli());
                meters.cleared(a, ThresholdMeters.Cause.OPERATOR);
                cleared.add(c);
            }
        }
        return cleared;
    }

    private List<Alarm> matching(List<Map<String, String>> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return List.of();
        }
        List<Alarm> found = new ArrayList<>();
        for (Alarm a : store.list(AlarmFilter.none(), 0, PATTERN_LIMIT)) {
            if (patterns.stream().anyMatch(p -> matches(a, p))) {
                found.add(a);
            }
        }
        return found;
    }

    static boolean matches(Alarm a, Map<String, String> pattern) {
        for (Map.Entry<String, String> e : pattern.entrySet()) {
            String actual = switch (e.getKey()) {
                case "id" -> a.id();
                case "alarmedObject" -> a.alarmedObject();
                case "perceivedSeverity" -> a.perceivedSeverity();
                case "state" -> a.state();
                case "ackState" -> a.ackState();
                case "alarmType" -> a.alarmType();
                case "probableCause" -> a.probableCause();
                case "ruleId" -> a.ruleId();
                default -> throw new IllegalArgumentException("alarmPattern cannot match on '" + e.getKey()
                        + "' (id, alarmedObject, perceivedSeverity, state, ackState, alarmType, probableCause, ruleId)");
            };
            if (!Objects.equals(actual, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void save(Alarm alarm, String eventType, String cause) {
        store.update(alarm);
        EventEnvelope event = events.event(eventType, alarm, alarm.id() + "/" + cause);
        publisher.publishAlone(producer, event, alarm.alarmedObject(), null);
    }
}
