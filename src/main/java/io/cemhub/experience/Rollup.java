package io.cemhub.experience;

import java.time.Instant;

/**
 * One bucket of one KPI: count, sum, min, max and the log histogram (p95 within 5 %). Mutable while a
 * batch is folded in; {@link #merge} combines services (a customer's view) or hours (a longer period).
 */
public final class Rollup {

    private final Instant start;
    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final LogHistogram histogram;

    public Rollup(Instant start) {
        this(start, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, new LogHistogram());
    }

    public Rollup(Instant start, long count, double sum, double min, double max, LogHistogram histogram) {
        this.start = start;
        this.count = count;
        this.sum = sum;
        this.min = min;
        this.max = max;
        this.histogram = histogram;
    }

    public void add(double value) {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        histogram.add(value);
    }

    public void merge(Rollup other) {
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        histogram.merge(other.histogram);
    }

    public Instant start() { return start; }
    public long count() { return count; }
    public double sum() { return sum; }
    public double min() { return min; }
    public double max() { return max; }
    public double avg() { return count == 0 ? Double.NaN : sum / count; }
    public LogHistogram histogram() { return histogram; }

    public double p95() {
        return histogram.quantile(0.95, min, max);
    }

    /** The JSON form of a bucket in the REST answers and reports. */
    public Point point() {
        return new Point(start, count, round(min), round(avg()), round(max), round(p95()));
    }

    static double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? Double.NaN : Math.round(v * 10_000d) / 10_000d;
    }

    /** One bucket as the API shows it. */
    public record Point(Instant start, long count, double min, double avg, double max, double p95) {
    }
}
