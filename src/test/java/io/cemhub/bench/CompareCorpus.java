package io.cemhub.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.Locale;

/**
 * The side-by-side corpus (bench/compare.sh): {@code customers} customers x 5 metrics, one series each, sent
 * round after round (each round gives every series one value), in batches of {@code batch} records. Values
 * come from a seeded hash of (series, round), so any batch can be built on its own, on any machine, the same.
 * About 2 % of the values lie above the raise value (80), the rest well below the clear value (70); nothing
 * falls between, so "above or at" and "strictly above" read the same.
 *
 * <p>The golden count: the raise and clear transitions of the rule every contestant applies (raise at >= 80
 * when clear, clear at <= 70 when raised; no debounce, no flapping suppression), per batch, computed in
 * corpus order. A series always travels on the same connection (see {@link #connectionOf}), so the batches
 * a contestant has taken are a prefix per connection and the golden count of a run is the sum of its
 * batches' counts.
 */
final class CompareCorpus {

    static final String[] METRICS = {"vpn.rtt.avg", "vpn.jitter", "vpn.loss", "speedtest.latency", "net.if.util.in"};
    static final double RAISE = 80;
    static final double CLEAR = 70;
    static final double CROSSING_SHARE = 0.02;

    private final long seed;
    private final int series;
    private final int batch;
    private final int[] transitions;

    CompareCorpus(long seed, int customers, int batch, int connections, int maxBatches) {
        this.seed = seed;
        this.series = customers * METRICS.length;
        this.batch = batch;
        if (series % batch != 0 || (series / batch) % connections != 0) {
            throw new IllegalArgumentException("customers x 5 must be a multiple of batch x connections (" + series
                    + " series, batch " + batch + ", " + connections + " connections): each series must stay on one connection");
        }
        this.transitions = golden(maxBatches);
    }

    int maxBatches() {
        return transitions.length;
    }

    /** Raise and clear transitions caused by batch b, given every earlier batch of its connection was taken. */
    int transitions(int b) {
        return transitions[b];
    }

    int connectionOf(int b, int connections) {
        return b % connections;
    }

    double value(long record) {
        int s = (int) (record % series);
        long round = record / series;
        long h = mix(seed ^ (s * 0x9E3779B97F4A7C15L) ^ (round * 0xC2B2AE3D27D4EB4FL));
        double u = (h >>> 11) * 0x1.0p-53;
        if (u < CROSSING_SHARE) {
            return 85 + (h & 15);
        }
        return Math.round((10 + 50 * (u - CROSSING_SHARE) / (1 - CROSSING_SHARE)) * 10) / 10.0;
    }

    /** Batch b as the hub's canonical JSON array (the same body for every contestant). */
    byte[] body(int b, Instant observedAt) {
        StringBuilder sb = new StringBuilder(batch * 150);
        sb.append('[');
        String at = observedAt.toString();
        for (long r = (long) b * batch, end = r + batch; r < end; r++) {
            int s = (int) (r % series);
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append("{\"id\":\"cmp-").append(r).append("\",\"serviceId\":\"BENCH-")
                    .append(String.format(Locale.ROOT, "%06d", s / METRICS.length))
                    .append("\",\"source\":{\"system\":\"bench\"},\"metric\":\"").append(METRICS[s % METRICS.length])
                    .append("\",\"value\":").append(value(r)).append(",\"observedAt\":\"").append(at).append("\"}");
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private int[] golden(int maxBatches) {
        int[] t = new int[maxBatches];
        BitSet raised = new BitSet(series);
        for (int b = 0; b < maxBatches; b++) {
            for (long r = (long) b * batch, end = r + batch; r < end; r++) {
                int s = (int) (r % series);
                double v = value(r);
                if (!raised.get(s) && v >= RAISE) {
                    raised.set(s);
                    t[b]++;
                } else if (raised.get(s) && v <= CLEAR) {
                    raised.clear(s);
                    t[b]++;
                }
            }
        }
        return t;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
