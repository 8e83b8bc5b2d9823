package io.cemhub.model;

import java.time.Instant;
import java.util.List;

/**
 * An alarm in the shape of TMF642. {@code state} is raised / updated / cleared; {@code ackState} is
 * acknowledged / unacknowledged. {@code ruleId} and {@code ruleVersion} name the threshold rule that
 * fired it.
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
        Integer ruleVersion) {

    public Alarm {
        relatedParty = relatedParty == null ? List.of() : List.copyOf(relatedParty);
    }

    /** TMF642 crossedThresholdInformation. */
    public record CrossedThresholdInformation(String threshold, String direction, String indicatorName,
                                              String indicatorUnit, String observedValue) {
    }
}
