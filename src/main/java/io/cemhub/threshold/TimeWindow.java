package io.cemhub.threshold;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a rule is active: on these days (all when empty), from..to local time in a zone (UTC when
 * absent). A window whose end is before its start runs over midnight.
 */
public record TimeWindow(List<DayOfWeek> days, LocalTime from, LocalTime to, String zone) {

    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
        if (days != null && !days.isEmpty() && !days.contains(local.getDayOfWeek())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        LocalTime start = from == null ? LocalTime.MIN : from;
        LocalTime end = to == null ? LocalTime.MAX : to;
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }
}
