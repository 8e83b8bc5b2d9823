package io.cemhub.threshold;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimeWindowTest {

    @Test
    void aWindowHasDaysHoursAndAZone() {
        // 2026-11-23 is a Monday; 07:30Z is 08:30 in Paris.
        TimeWindow office = new TimeWindow(List.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(20, 0), "Europe/Paris");
        assertThat(office.contains(Instant.parse("2026-11-23T07:30:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-11-23T06:30:00Z"))).isFalse();
        assertThat(office.contains(Instant.parse("2026-11-24T07:30:00Z"))).as("Tuesday").isFalse();
    }

    @Test
    void aWindowMayRunOverMidnight() {
        TimeWindow night = new TimeWindow(null, LocalTime.of(22, 0), LocalTime.of(6, 0), null);
        assertThat(night.contains(Instant.parse("2026-11-23T23:00:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-11-23T05:59:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-11-23T12:00:00Z"))).isFalse();
    }

    @Test
    void aRuleIsActiveOnlyInsideItsWindowsAndWhenEnabled() {
        TimeWindow night = new TimeWindow(null, LocalTime.of(22, 0), LocalTime.of(6, 0), null);
        ThresholdRule rule = new ThresholdRule("n", 1, "vpn.loss", Scope.global(), Direction.ABOVE,
                Map.of(Severity.MAJOR, new Level(2, 1)), 1, 0, List.of(night), true, null);
        assertThat(rule.activeAt(Instant.parse("2026-11-23T23:00:00Z"))).isTrue();
        assertThat(rule.activeAt(Instant.parse("2026-11-23T12:00:00Z"))).isFalse();
        ThresholdRule always = new ThresholdRule("a", 1, "vpn.loss", Scope.global(), Direction.ABOVE,
                Map.of(Severity.MAJOR, new Level(2, 1)), 1, 0, null, false, null);
        assertThat(always.activeAt(Instant.parse("2026-11-23T12:00:00Z"))).as("disabled").isFalse();
    }
}
