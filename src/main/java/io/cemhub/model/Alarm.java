package io.cemhub.model;

import java.time.Instant;
import java.util.List;

/**
 * An alarm in the shape of TMF642. {@code state} is raised / updated / cleared; {@code ackState} is
 * acknowledged / unacknowledged. {@code ruleId} and {@code ruleVersion} name the threshold rule that
 * fired it. {@code flapping} and {@code silenced} mark alarms whose notifications are held.
 * {@code troubleTicket} (an extension) names the CRM trouble ticket opened for the alarm, e.g. by the
 * vip-ticket process (docs/processes.md).
 */
public record Alarm(
        String id,
        String alarmType,
        String perceivedSeverity,
        String probableCause,
        String specificProblem,
        String state,
        String ackState,
        String alarmedObject,
        String alarmedObjectType,
        Instant alarmRaisedTime,
        Instant alarmChangedTime,
        Instant alarmClearedTime,
        CrossedThresholdInformation crossedThresholdInformation,
        String affectedService,
        List<RelatedParty> relatedParty,
        String ruleId,
        Integer ruleVersion,
        String ackUserId,
        String clearUserId,
        List<AlarmComment> comment,
        boolean flapping,
        boolean silenced,
        TroubleTicketRef troubleTicket) {

    public Alarm {
        relatedParty = relatedParty == null ? List.of() : List.copyOf(relatedParty);
        comment = comment == null ? List.of() : List.copyOf(comment);
    }

    /** An alarm without a trouble ticket. */
    public Alarm(String id, String alarmType, String perceivedSeverity, String probableCause, String specificProblem,
                 String state, String ackState, String alarmedObject, String alarmedObjectType, Instant alarmRaisedTime,
                 Instant alarmChangedTime, Instant alarmClearedTime, CrossedThresholdInformation crossedThresholdInformation,
                 String affectedService, List<RelatedParty> relatedParty, String ruleId, Integer ruleVersion,
                 String ackUserId, String clearUserId, List<AlarmComment> comment, boolean flapping, boolean silenced) {
        this(id, alarmType, perceivedSeverity, probableCause, specificProblem, state, ackState, alarmedObject,
                alarmedObjectType, alarmRaisedTime, alarmChangedTime, alarmClearedTime, crossedThresholdInformation,
                affectedService, relatedParty, ruleId, ruleVersion, ackUserId, clearUserId, comment, flapping, silenced,
                null);
    }

    /** TMF642 comment. */
    public record AlarmComment(String comment, Instant time, String userId, String systemId) {
    }

    /**
     * The CRM trouble ticket opened for the alarm (a TM Forum entity reference to a TMF621 TroubleTicket):
     * its id in the CRM, when it was opened, {@code referredType} "TroubleTicket".
     */
    public record TroubleTicketRef(String id, Instant creationDate, String referredType) {
    }

    /** TMF642 crossedThresholdInformation. */
    public record CrossedThresholdInformation(String threshold, String direction, String indicatorName,
                                              String indicatorUnit, String observedValue) {
    }
}
