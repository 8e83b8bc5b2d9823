package io.cemhub.experience;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The rollup tables: one bucket per hour and per day (UTC). Each bucket is a row in {@link #table} (key,
 * customer; the indexes reports read by) and one in {@link #figures} (count, sum, min, max, histogram;
 * the primary key its only index, so that the pipeline's updates touch no other index: V17).
 */
public enum Granularity {
    HOUR("kpi_rollup_hour", ChronoUnit.HOURS, Duration.ofDays(1)),
    DAY("kpi_rollup_day", ChronoUnit.DAYS, Duration.ofDays(30));

    final String table;
    final String figures;
    private final ChronoUnit unit;
    private final Duration defaultSpan;

    Granularity(String table, ChronoUnit unit, Duration defaultSpan) {
        this.table = table;
        this.figures = table + "_figures";
        this.unit = unit;
        this.defaultSpan = defaultSpan;
    }

    public Instant bucket(Instant t) {
        return t.truncatedTo(unit);
    }

    /** How far back a history reaches when the caller names no start. */
    public Duration defaultSpan() {
        return defaultSpan;
    }

    public static Granularity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("granularity must be hour or day, not " + text);
        }
    }
}
