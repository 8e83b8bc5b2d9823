package io.cemhub.experience;

import java.util.Map;
import java.util.TreeMap;

/**
 * A mergeable histogram with logarithmic buckets, for percentiles out of rollups without the raw values.
 * A positive value v falls in bucket i = ceil(log(v) / log(GAMMA)), i.e. (GAMMA^(i-1), GAMMA^i]; a bucket
 * is reported as 2 * GAMMA^i / (GAMMA + 1), which is within (GAMMA - 1) / (GAMMA + 1) = 4.8 % of every
 * value in it: a percentile read from here is within 5 % of the exact one (LogHistogramTest). Negative
 * values mirror the positive buckets; values closer to zero than {@link #ZERO} count as zero. The text
 * form is sparse ("z:3,5:10,-2:1" and "n..." for negatives), a few hundred characters for a real KPI.
 */
public final class LogHistogram {

    static final double GAMMA = 1.1;
    static final double ZERO = 1e-9;
    private static final double LOG_GAMMA = Math.log(GAMMA);

    /** bucket index -> count; positive values */
    private final TreeMap<Integer, Long> positive = new TreeMap<>();
    /** bucket index of |v| -> count; negative values */
    private final TreeMap<Integer, Long> negative = new TreeMap<>();
    private long zeros;

    public void add(double value) {
        add(value, 1);
    }

    public void add(double value, long count) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return;
        }
        double magnitude = Math.abs(value);
        if (magnitude < ZERO) {
            zeros += count;
        } else {
            (value > 0 ? positive : negative).merge(index(magnitude), count, Long::sum);
        }
    }

    public void merge(LogHistogram other) {
        zeros += other.zeros;
        other.positive.forEach((k, v) -> positive.merge(k, v, Long::sum));
        other.negative.forEach((k, v) -> negative.merge(k, v, Long::sum));
    }

    public long count() {
        long n = zeros;
        for (long c : positive.values()) {
            n += c;
        }
        for (long c : negative.values()) {
            n += c;
        }
        return n;
    }

    /** The q-quantile (0..1) by nearest rank, or NaN when empty. */
    public double quantile(double q) {
        long n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : negative.descendingMap().entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return -value(e.getKey());
            }
        }
        seen += zeros;
        if (seen >= rank) {
            return 0;
        }
        for (Map.Entry<Integer, Long> e : positive.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return value(e.getKey());
            }
        }
        return value(positive.lastKey());
    }

    /** The quantile clamped to the exact minimum and maximum kept beside the histogram. */
    public double quantile(double q, double min, double max) {
        double v = quantile(q);
        return Double.isNaN(v) ? v : Math.max(min, Math.min(max, v));
    }

    public String encode() {
        StringBuilder s = new StringBuilder();
        if (zeros > 0) {
            s.append("z:").append(zeros);
        }
        positive.forEach((k, v) -> append(s, "", k, v));
        negative.forEach((k, v) -> append(s, "n", k, v));
        return s.toString();
    }

    public static LogHistogram decode(String text) {
        LogHistogram h = new LogHistogram();
        if (text == null || text.isEmpty()) {
            return h;
        }
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            String key = part.substring(0, colon);
            long count = Long.parseLong(part.substring(colon + 1));
            if (key.equals("z")) {
                h.zeros += count;
            } else if (key.startsWith("n")) {
                h.negative.merge(Integer.parseInt(key.substring(1)), count, Long::sum);
            } else {
                h.positive.merge(Integer.parseInt(key), count, Long::sum);
            }
        }
        return h;
    }

    private static void append(StringBuilder s, String prefix, int key, long count) {
        if (s.length() > 0) {
            s.append(',');
        }
        s.append(prefix).append(key).append(':').append(count);
    }

    private static int index(double magnitude) {
        return (int) Math.ceil(Math.log(magnitude) / LOG_GAMMA);
    }

    private static double value(int index) {
        return 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
    }
}
