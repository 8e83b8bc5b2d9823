package io.cemhub.threshold;

import java.time.Instant;

/** An active no-data alarm of a series: its id and the last observation before the silence. */
public record NoDataMark(String alarmId, Instant lastObservedAt) {
}
