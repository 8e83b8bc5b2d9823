package io.cemhub.adapter;

import java.time.Clock;
import java.time.Duration;

/**
 * One adapter's outcomes over a sliding time window: records made durable (mapped) and quarantine
 * entries. The window is cut into {@value #BUCKETS} buckets so that old outcomes fall out of it a bucket at
 * a time; adapter health reads the quarantine ratio from it.
 */
final class OutcomeWindow {

    static final int BUCKETS = 30;

    private final Clock clock;
    private final long bucketMillis;
    private final long[] bucketStart = new long[BUCKETS];
    private final long[] mapped = new long[BUCKETS];
    private final long[] quarantined = new long[BUCKETS];

    OutcomeWindow(Clock clock, Duration window) {
        this.clock = clock;
        this.bucketMillis = Math.max(1, window.toMillis() / BUCKETS);
        java.util.Arrays.fill(bucketStart, -BUCKETS - 1L); // no bucket is in the window before its first use
    }

    synchronized void mapped(long records) {
        mapped[bucket()] += records;
    }

    synchronized void quarantined(long entries) {
        quarantined[bucket()] += entries;
    }

    /** Mapped records and quarantine entries within the window. */
    synchronized Counts counts() {
        long now = clock.millis() / bucketMillis;
        long m = 0;
        long q = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (now - bucketStart[i] < BUCKETS && bucketStart[i] <= now) {
                m += mapped[i];
                q += quarantined[i];
            }
        }
        return new Counts(m, q);
    }

    private int bucket() {
        long slot = clock.millis() / bucketMillis;
        int i = (int) (slot % BUCKETS);
        if (bucketStart[i] != slot) {
            // The bucket last held a slot that left the window: start it afresh.
            bucketStart[i] = slot;
            mapped[i] = 0;
            quarantined[i] = 0;
        }
        return i;
    }

    /** Outcomes within the window. */
    record Counts(long mapped, long quarantined) {

        long total() {
            return mapped + quarantined;
        }

        /** Quarantine entries per outcome (0 when there was none). */
        double quarantineRatio() {
            return total() == 0 ? 0 : (double) quarantined / total();
        }
    }
}
