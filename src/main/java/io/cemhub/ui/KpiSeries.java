package io.cemhub.ui;

import io.cemhub.threshold.MeasurementStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A KPI's history for a chart: the stored measurements of one service and metric in a time range, folded
 * into at most N equal buckets (min, avg, max, count), so that a chart gets a bounded answer however many
 * samples the range holds. Reads one service's range only (the measurement table's service/metric/time
 * columns); the analytics rollups answer longer ranges (docs/experience.md).
 */
public class KpiSeries {

    /** One bucket of the series; empty buckets are left out. */
    public record Point(Instant at, double min, double avg, double max, long count) {
    }

    /** The series of one service and metric. */
    public record Series(String serviceId, String metric, Instant from, Instant to, long bucketSeconds, List<Point> points) {
    }

    public static final int MAX_BUCKETS = 500;

    private final MeasurementStore store;

    public KpiSeries(MeasurementStore store) {
        this.store = store;
    }

    /**
     * @throws IllegalArgumentException when the range is empty or longer than 31 days, or buckets is not 1..500
     */
    public Series series(String serviceId, String metric, Instant from, Instant to, int buckets) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException("a raw series covers at most 31 days; longer ranges come from the rollups");
        }
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("buckets must be between 1 and " + MAX_BUCKETS);
        }
        long span = to.toEpochMilli() - from.toEpochMilli();
        long width = Math.max(1000, (span + buckets - 1) / buckets);
        int n = (int) ((span + width - 1) / width);
        double[] min = new double[n];
        double[] max = new double[n];
        double[] sum = new double[n];
        long[] count = new long[n];
        store.scan(metric, serviceId, from, to, v -> {
            int i = (int) Math.min(n - 1, (v.observedAt().toEpochMilli() - from.toEpochMilli()) / width);
            if (count[i] == 0 || v.value() < min[i]) {
                min[i] = v.value();
            }
            if (count[i] == 0 || v.value() > max[i]) {
                max[i] = v.value();
            }
            sum[i] += v.value();
            count[i]++;
        });
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (count[i] > 0) {
                points.add(new Point(Instant.ofEpochMilli(from.toEpochMilli() + i * width), min[i], sum[i] / count[i],
                        max[i], count[i]));
            }
        }
        return new Series(serviceId, metric, from, to, width / 1000, points);
    }
}
