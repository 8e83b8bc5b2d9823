package io.cemhub.sla;

import io.cemhub.experience.SlaContracts;
import io.cemhub.kpi.Kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The monthly budget of one service's KPI (docs/experience.md, "Monthly SLA budget"). The month complies when
 * the average of its hourly averages meets the target. The budget is how far the month may fall short of
 * the KPI's perfect value ({@link #best}) in total: {@code |best - target| x hours of the month}; every hour
 * with data uses {@code |best - its average|}. Projected use = used / hours with data x hours of the month
 * (the same burn per hour until the month ends); it exceeds the budget exactly when the average so far
 * misses the target.
 */
public final class MonthlyBudget {

    /** One hour of data: its start and its average. */
    public record Hour(Instant start, double average) {
    }

    /** Where a service's KPI stands in its month. */
    public record Status(String month, double target, String objective, double best, int hoursInMonth,
                         int hoursWithData, double average, double budget, double used, double projectedUse,
                         double left, Instant exhaustsAt) {

        /** Projected use beyond {@code threshold} x budget, with enough hours seen (or the budget already spent). */
        public boolean warns(double threshold, int minHours) {
            return (hoursWithData >= minHours || used > budget) && projectedUse > threshold * budget;
        }
    }

    private MonthlyBudget() {
    }

    /**
     * The KPI's perfect value, from its unit and direction: % -> 100 (higher is better) or 0, ratio -> 1 or 0,
     * any other lower-is-better KPI 0; null when it has none (a higher-is-better KPI without a ceiling).
     */
    public static Double best(Kpi kpi) {
        if (!kpi.higherIsBetter()) {
            return 0.0;
        }
        return switch (kpi.unit() == null ? "" : kpi.unit()) {
            case "%" -> 100.0;
            case "ratio" -> 1.0;
            default -> null;
        };
    }

    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    public static int hours(YearMonth month) {
        return (int) Duration.between(start(month), end(month)).toHours();
    }

    /** @param hours the month's hours with data so far (at least one); {@code now} dates the exhaustion */
    public static Status of(YearMonth month, SlaContracts.Target target, double best, List<Hour> hours, Instant now) {
        int inMonth = hours(month);
        double sum = 0;
        double used = 0;
        for (Hour h : hours) {
            sum += h.average();
            used += Math.max(0, target.higherIsBetter() ? best - h.average() : h.average() - best);
        }
        int seen = hours.size();
        double margin = Math.max(0, target.higherIsBetter() ? best - target.value() : target.value() - best);
        double budget = margin * inMonth;
        double projected = used / seen * inMonth;
        double left = budget - used;
        double perHour = used / seen;
        Instant exhausts = left <= 0 ? now : perHour <= 0 ? null
                : now.plusSeconds(Math.round(left / perHour * 3600));
        return new Status(month.toString(), target.value(), target.higherIsBetter() ? "at least" : "at most", best,
                inMonth, seen, round(sum / seen), round(budget), round(used), round(projected), round(left),
                exhausts == null || exhausts.isAfter(end(month)) ? null : exhausts);
    }

    /** The month's average of hourly averages. */
    public static double average(List<Hour> hours) {
        return hours.stream().mapToDouble(Hour::average).average().orElse(Double.NaN);
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
