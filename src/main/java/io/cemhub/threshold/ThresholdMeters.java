package io.cemhub.threshold;

import io.cemhub.model.Alarm;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * The threshold engine's Micrometer meters (docs/operations.md): evaluations, and alarm lifecycle counters
 * by severity and by what caused the change. The alarm counters of every severity and cause exist from
 * the start at 0, so that a dashboard's rate() sees the first alarm instead of a series appearing.
 */
public class ThresholdMeters {

    /** What raised or cleared an alarm: a threshold level, the no-data check, or an operator (clearAlarms). */
    public enum Cause {
        THRESHOLD, NO_DATA, OPERATOR;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final MeterRegistry meters;

    public ThresholdMeters(MeterRegistry meters) {
        this.meters = meters;
        for (Severity severity : Severity.values()) {
            for (Cause cause : Cause.values()) {
                if (cause != Cause.OPERATOR) {
                    meters.counter("cem.alarms.raised", "severity", severity.tmf(), "cause", cause.tag());
                }
                meters.counter("cem.alarms.cleared", "severity", severity.tmf(), "cause", cause.tag());
            }
            meters.counter("cem.alarms.changed", "severity", severity.tmf());
        }
        meters.counter("cem.alarms.held", "reason", "silenced");
        meters.counter("cem.alarms.held", "reason", "flapping");
        meters.counter("cem.threshold.evaluations");
    }

    /** Measurements judged against a rule. */
    public void evaluated(int measurements) {
        meters.counter("cem.threshold.evaluations").increment(measurements);
    }

    public void transition(Transition t, Cause cause) {
        Severity now = t.to() != null ? t.to() : t.from();
        switch (t.kind()) {
            case RAISE -> raised(now.tmf(), cause);
            case CHANGE -> meters.counter("cem.alarms.changed", "severity", now.tmf()).increment();
            case CLEAR -> cleared((t.from() != null ? t.from() : t.to()).tmf(), cause);
        }
    }

    public void raised(String severity, Cause cause) {
        meters.counter("cem.alarms.raised", "severity", severity, "cause", cause.tag()).increment();
    }

    /** @param alarm the alarm as it was before it cleared (its severity is the one counted) */
    public void cleared(Alarm alarm, Cause cause) {
        cleared(alarm.perceivedSeverity(), cause);
    }

    private void cleared(String severity, Cause cause) {
        meters.counter("cem.alarms.cleared", "severity", severity, "cause", cause.tag()).increment();
    }

    /** A notification not sent because the series flaps or is silenced. */
    public void held(boolean silenced) {
        meters.counter("cem.alarms.held", "reason", silenced ? "silenced" : "flapping").increment();
    }
}
