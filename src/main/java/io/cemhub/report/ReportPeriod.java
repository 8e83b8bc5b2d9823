package io.cemhub.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The periods a report covers, in UTC: a day, an ISO week (Monday to Monday), a calendar month. */
public enum ReportPeriod {
    DAY, WEEK, MONTH;

    /** The period that contains {@code date}: its first day. */
    public LocalDate startOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** The first day after the period that starts on {@code start}. */
    public LocalDate endOf(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** The first day of the last period that had ended at {@code now} (what a scheduled run reports). */
    public LocalDate lastCompleted(Instant now) {
        LocalDate current = startOf(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return switch (this) {
            case DAY -> current.minusDays(1);
            case WEEK -> current.minusWeeks(1);
            case MONTH -> current.minusMonths(1);
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Instant instant(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static ReportPeriod parse(String text) {
        if (text != null) {
            for (ReportPeriod p : values()) {
                if (p.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("period must be day, week or month, not " + text);
    }
}
