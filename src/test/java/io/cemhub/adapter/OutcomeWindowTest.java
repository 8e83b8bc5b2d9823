package io.cemhub.adapter;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Outcomes count for the window and then leave it, a bucket (a 30th of the window) at a time. */
class OutcomeWindowTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void quarantinedOutcomesFallOutOfTheWindow() {
        HandClock clock = new HandClock();
        OutcomeWindow window = new OutcomeWindow(clock, Duration.ofMinutes(5));

        window.quarantined(3);
        window.mapped(1);
        assertThat(window.counts().quarantineRatio()).isEqualTo(0.75);

        clock.now = clock.now.plus(Duration.ofMinutes(3));
        window.mapped(8);
        assertThat(window.counts()).isEqualTo(new OutcomeWindow.Counts(9, 3));

        clock.now = clock.now.plus(Duration.ofMinutes(2).plusSeconds(10));
        assertThat(window.counts()).as("the first outcomes are 5 min 10 s old").isEqualTo(new OutcomeWindow.Counts(8, 0));

        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(window.counts().total()).isZero();
        assertThat(window.counts().quarantineRatio()).isZero();
        window.quarantined(1);
        assertThat(window.counts()).as("a reused bucket starts afresh").isEqualTo(new OutcomeWindow.Counts(0, 1));
    }
}
