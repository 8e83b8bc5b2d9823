package io.cemhub.threshold;

import io.cemhub.model.Alarm;
import io.cemhub.model.Measurement;
import io.cemhub.model.RelatedParty;
import io.cemhub.pipeline.EventContext;
import io.cemhub.pipeline.EventFactory;

import java.time.Instant;
import java.util.List;

/** Builds TMF642 alarms for threshold transitions. Alarm ids are stable: (service, metric, raising record). */
public final class AlarmFactory {

    public static final String RAISED = "raised";
    public static final String UPDATED = "updated";
    public static final String CLEARED = "cleared";
    public static final String UNACKNOWLEDGED = "unacknowledged";
    public static final String ACKNOWLEDGED = "acknowledged";

    private AlarmFactory() {
    }

    public static Alarm raise(ThresholdRule rule, Severity severity, Measurement m, EventContext ctx, Instant now,
                              boolean flapping, boolean silenced) {
        String id = EventFactory.stableId("alarm", m.serviceId(), m.metric(), m.source() == null ? "" : m.source().system(),
                m.id());
        List<RelatedParty> party = ctx != null && ctx.customerId() != null
                ? List.of(new RelatedParty(ctx.customerId(), "customer", ctx.customerName(), "Customer")) : List.of();
        return new Alarm(id, "qualityOfServiceAlarm", severity.tmf(), "thresholdCrossed",
                problem(rule, severity, m), RAISED, UNACKNOWLEDGED, m.serviceId(), "Service", m.observedAt(), now, null,
                crossed(rule, severity, m), m.serviceId(), party, rule.id(), rule.version(), null, null, List.of(),
                flapping, silenced);
    }

    public static Alarm change(Alarm a, ThresholdRule rule, Severity severity, Measurement m, Instant now,
                               boolean flapping, boolean silenced) {
        return new Alarm(a.id(), a.alarmType(), severity.tmf(), a.probableCause(), problem(rule, severity, m), UPDATED,
                a.ackState(), a.alarmedObject(), a.alarmedObjectType(), a.alarmRaisedTime(), now, null,
                crossed(rule, severity, m), a.affectedService(), a.relatedParty(), rule.id(), rule.version(),
                a.ackUserId(), null, a.comment(), flapping, silenced, a.troubleTicket());
    }

    public static Alarm clear(Alarm a, Measurement m, Instant now, boolean flapping, boolean silenced) {
        Alarm.CrossedThresholdInformation old = a.crossedThresholdInformation();
        Alarm.CrossedThresholdInformation info = old == null ? null : new Alarm.CrossedThresholdInformation(
                old.threshold(), old.direction(), old.indicatorName(), old.indicatorUnit(), Double.toString(m.value()));
        return new Alarm(a.id(), a.alarmType(), "cleared", a.probableCause(), a.specificProblem(), CLEARED, a.ackState(),
                a.alarmedObject(), a.alarmedObjectType(), a.alarmRaisedTime(), now, m.observedAt(), info,
                a.affectedService(), a.relatedParty(), a.ruleId(), a.ruleVersion(), a.ackUserId(), "threshold",
                a.comment(), flapping, silenced, a.troubleTicket());
    }

    /** The alarm cleared by someone other than the threshold engine (an operator, the no-data check). */
    public static Alarm cleared(Alarm a, Instant now, Instant clearedAt, String clearUserId, boolean silenced) {
        return new Alarm(a.id(), a.alarmType(), "cleared", a.probableCause(), a.specificProblem(), CLEARED, a.ackState(),
                a.alarmedObject(), a.alarmedObjectType(), a.alarmRaisedTime(), now, clearedAt,
                a.crossedThresholdInformation(), a.affectedService(), a.relatedParty(), a.ruleId(), a.ruleVersion(),
                a.ackUserId(), clearUserId, a.comment(), a.flapping(), silenced, a.troubleTicket());
    }

    /** The alarm with an operator's acknowledgement state and comments (TMF642 PATCH). */
    public static Alarm acknowledged(Alarm a, String ackState, String user, List<Alarm.AlarmComment> comments,
                                     Instant now) {
        return new Alarm(a.id(), a.alarmType(), a.perceivedSeverity(), a.probableCause(), a.specificProblem(), a.state(),
                ackState, a.alarmedObject(), a.alarmedObjectType(), a.alarmRaisedTime(), now, a.alarmClearedTime(),
                a.crossedThresholdInformation(), a.affectedService(), a.relatedParty(), a.ruleId(), a.ruleVersion(),
                ACKNOWLEDGED.equals(ackState) ? user : null, a.clearUserId(), comments, a.flapping(), a.silenced(),
                a.troubleTicket());
    }

    public static Alarm flags(Alarm a, boolean flapping, boolean silenced, Instant now) {
        return new Alarm(a.id(), a.alarmType(), a.perceivedSeverity(), a.probableCause(), a.specificProblem(), a.state(),
                a.ackState(), a.alarmedObject(), a.alarmedObjectType(), a.alarmRaisedTime(), now, a.alarmClearedTime(),
                a.crossedThresholdInformation(), a.affectedService(), a.relatedParty(), a.ruleId(), a.ruleVersion(),
                a.ackUserId(), a.clearUserId(), a.comment(), flapping, silenced, a.troubleTicket());
    }

    /** The alarm with the trouble ticket opened for it; {@code changed}: its new alarmChangedTime (null: kept). */
    public static Alarm ticketed(Alarm a, Alarm.TroubleTicketRef ticket, Instant changed) {
        return new Alarm(a.id(), a.alarmType(), a.perceivedSeverity(), a.probableCause(), a.specificProblem(), a.state(),
                a.ackState(), a.alarmedObject(), a.alarmedObjectType(), a.alarmRaisedTime(),
                changed == null ? a.alarmChangedTime() : changed, a.alarmClearedTime(), a.crossedThresholdInformation(),
                a.affectedService(), a.relatedParty(), a.ruleId(), a.ruleVersion(), a.ackUserId(), a.clearUserId(),
                a.comment(), a.flapping(), a.silenced(), ticket);
    }

    private static String problem(ThresholdRule rule, Severity severity, Measurement m) {
        Level level = rule.levels().get(severity);
        return m.metric() + (rule.direction() == Direction.ABOVE ? " >= " : " <= ") + level.raise() + " " + m.unit()
                + " (" + severity.tmf() + ")";
    }

    private static Alarm.CrossedThresholdInformation crossed(ThresholdRule rule, Severity severity, Measurement m) {
        Level level = rule.levels().get(severity);
        return new Alarm.CrossedThresholdInformation(rule.id() + "/v" + rule.version() + "/" + severity.tmf()
                + " raise " + level.raise() + " clear " + level.clear(), rule.direction().tmf(), m.metric(), m.unit(),
                Double.toString(m.value()));
    }
}
