package io.cemhub.experience;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** KPI history per service and per customer (the customer's services merged), read from the rollups only. */
public class KpiHistory {

    /** Most buckets one answer may hold (a year of days, ~3 months of hours per metric). */
    static final long MAX_BUCKETS = 2_500;

    private final RollupStore store;
    private final Clock clock;

    public KpiHistory(RollupStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One metric's buckets. */
    public record Series(String metric, List<Rollup.Point> points) {
    }

    /** The answer: what was asked and the series found. */
    public record History(String scope, String id, String granularity, Instant from, Instant to, List<Series> series) {
    }

    public History ofService(String serviceId, String metric, String granularity, Instant from, Instant to) {
        Window w = window(granularity, from, to);
        return history("service", serviceId, w, store.ofService(w.g, serviceId, metric, w.from, w.to));
    }

    public History ofCustomer(String customerId, String metric, String granularity, Instant from, Instant to) {
        Window w = window(granularity, from, to);
        return history("customer", customerId, w, store.ofCustomer(w.g, customerId, metric, w.from, w.to));
    }

    private static History history(String scope, String id, Window w, List<RollupStore.Row> rows) {
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Instant, Rollup>> e : RollupStore.byMetric(rows).entrySet()) {
            series.add(new Series(e.getKey(), e.getValue().values().stream().map(Rollup::point).toList()));
        }
        return new History(scope, id, w.g.name().toLowerCase(java.util.Locale.ROOT), w.from, w.to, series);
    }

    private Window window(String granularity, Instant from, Instant to) {
        Granularity g = Granularity.parse(granularity == null ? "hour" : granularity);
        Instant end = to != null ? to : clock.instant();
        Instant start = g.bucket(from != null ? from : end.minus(g.defaultSpan()));
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from must be before to");
        }
        long buckets = java.time.Duration.between(start, end).toSeconds()
                / (g == Granularity.HOUR ? 3600 : 86_400);
        if (buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("at most " + MAX_BUCKETS + " buckets per answer; ask for days or a shorter span");
        }
        return new Window(g, start, end);
    }

    private record Window(Granularity g, Instant from, Instant to) {
    }
}
