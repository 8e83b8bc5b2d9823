package io.cemhub.model;

import java.time.Instant;
import java.util.List;

/**
 * An alarm in the shape of TMF642. {@code state} is raised / updated / cleared; {@code ackState} is
 * acknowledged / unacknowledged. {@code ruleId} and {@code ruleVersion} name the threshold rule that
 * fired it. {@code flapping} and {@code silenced} mark alarms whose notifications are held.
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
        boolean silenced) {

    public Alarm {
        relatedParty = relatedParty == null ? List.of() : List.copyOf(relatedParty);
        comment = comment == null ? List.of() : List.copyOf(comment);
    }

    /** TMF642 comment. */
    public record AlarmComment(String comment, Instant time, String userId, String systemId) {
    }

    /** TMF642 crossedThresholdInformation. */
    public record CrossedThresholdInformation(String threshold, String direction, String indicatorName,
                                              String indicatorUnit, String observedValue) {
    }
}
