package io.cemhub.threshold;

import io.cemhub.model.Alarm;
import io.cemhub.model.EventEnvelope;
import io.cemhub.pipeline.EventFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Raises and clears no-data alarms (TMF642 communicationsAlarm / lossOfSignal). The no-data row decides
 * who notifies: only the caller whose insert or delete took effect gets an event back. A silenced series
 * keeps its alarm marked and its notifications held, as threshold alarms do.
 */
public class NoDataAlarms {

    static final String ALARM_TYPE = "communicationsAlarm";
    static final String PROBABLE_CAUSE = "lossOfSignal";
    static final String SEVERITY = "major";

    private final NoDataStore store;
    private final AlarmStore alarms;
    private final AlarmEvents events;
    private final ThresholdMeters meters;
    private final Clock clock;

    public NoDataAlarms(NoDataStore store, AlarmStore alarms, AlarmEvents events, ThresholdMeters meters, Clock clock) {
        this.store = store;
        this.alarms = alarms;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /** Raises the alarm of a silent series unless it exists already; the event to publish, if any. */
    public Optional<EventEnvelope> raise(ThresholdRule rule, NoDataStore.Silent series, boolean silenced) {
        Instant last = series.lastObservedAt().toInstant();
        // One alarm per silence: the id names the last observation before it, so a re-run cannot make a second.
        String id = EventFactory.stableId("alarm", "noData", series.serviceId(), series.metric(), last.toString());
        Instant now = clock.instant();
        if (!store.insert(series, id, now)) {
            return Optional.empty();
        }
        Alarm alarm = new Alarm(id, ALARM_TYPE, SEVERITY, PROBABLE_CAUSE, problem(rule, series.metric(), last),
                AlarmFactory.RAISED, AlarmFactory.UNACKNOWLEDGED, series.serviceId(), "Service", now, now, null, null,
                series.serviceId(), List.of(), rule.id(), rule.version(), null, null, List.of(), false, silenced);
        alarms.insert(alarm, series.metric(), null);
        meters.raised(SEVERITY, ThresholdMeters.Cause.NO_DATA);
        return silenced ? Optional.empty() : Optional.of(events.event(AlarmEvents.CREATE, alarm, causeOf(id)));
    }

    /**
     * Clears the series' no-data alarm; {@code causeId} names what cleared it (the measurement that
     * resumed the series, or the monitor's reason). The event to publish, if this call cleared it.
     */
    public Optional<EventEnvelope> clear(String serviceId, String metric, String alarmId, Instant clearedAt,
                                         String causeId, boolean silenced) {
        if (!store.delete(serviceId, metric, alarmId)) {
            return Optional.empty();
        }
        // An operator may have cleared it already (clearAlarms): then there is nothing left to notify.
        return alarms.find(alarmId).filter(a -> !AlarmFactory.CLEARED.equals(a.state())).map(a -> {
            Alarm cleared = AlarmFactory.cleared(a, clock.instant(), clearedAt, "threshold", silenced);
            alarms.update(cleared);
            meters.cleared(a, ThresholdMeters.Cause.NO_DATA);
            return silenced ? null : events.event(AlarmEvents.STATE_CHANGE, cleared, causeId);
        });
    }

    /** The correlation id of a no-data alarm's raise (it has no causing record). */
    public static String causeOf(String alarmId) {
        return "noData/" + alarmId;
    }

    private static String problem(ThresholdRule rule, String metric, Instant last) {
        return "no " + metric + " for more than " + rule.noDataSeconds() + " s (last observed " + last + ")";
    }
}
