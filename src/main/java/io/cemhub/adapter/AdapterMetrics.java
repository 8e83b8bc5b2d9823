package io.cemhub.adapter;

import io.cemhub.ingest.JmsDrain;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters per adapter, kept twice on purpose: as Micrometer counters ({@code cem.adapter.received},
 * {@code .mapped}, {@code .quarantined}, {@code .rejected}, tag {@code adapter}) for Prometheus, and here
 * with the last error, for the adapter catalogue (GET /api/v1/adapters). A sliding window of mapped and
 * quarantined outcomes per adapter feeds adapter health (degraded when too much is quarantined).
 */
public class AdapterMetrics {

    private static final String[] COUNTERS = {"received", "mapped", "quarantined", "rejected"};

    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration window;
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();

    /** @param window how far back {@link #recent} looks */
    public AdapterMetrics(MeterRegistry meters, Clock clock, Duration window) {
        this.meters = meters;
        this.clock = clock;
        this.window = window;
    }

    /** Makes the adapter's counters exist at 0 before its first input, so dashboards see it from the start. */
    public void register(String adapter) {
        for (String what : COUNTERS) {
            meters.counter("cem.adapter." + what, "adapter", adapter);
        }
        stats(adapter);
    }

    /** JMS messages the adapter took in one transaction (its own and those drained with it). */
    public void drained(String adapter, int messages) {
        JmsDrain.summary(meters, adapter).record(messages);
    }

    /** Input items (documents, array elements, CSV lines) the adapter took in. */
    public void received(String adapter, int items) {
        add(adapter, "received", items, stats(adapter).received);
    }

    /** Canonical records made durable. */
    public void mapped(String adapter, int records) {
        add(adapter, "mapped", records, stats(adapter).mapped);
        stats(adapter).recent.mapped(records);
    }

    public void quarantined(String adapter, int entries, String reason) {
        add(adapter, "quarantined", entries, stats(adapter).quarantined);
        stats(adapter).recent.quarantined(entries);
        error(adapter, reason);
    }

    /** Items refused to a REST caller (400): the caller keeps them, nothing is quarantined. */
    public void rejected(String adapter, int items, String reason) {
        add(adapter, "rejected", items, stats(adapter).rejected);
        error(adapter, reason);
    }

    public void error(String adapter, String reason) {
        stats(adapter).lastError = new LastError(clock.instant(), reason);
    }

    public Snapshot snapshot(String adapter) {
        Stats s = stats(adapter);
        return new Snapshot(s.received.get(), s.mapped.get(), s.quarantined.get(), s.rejected.get(), s.lastError);
    }

    /** Mapped records and quarantine entries of the adapter within the window. */
    public Recent recent(String adapter) {
        OutcomeWindow.Counts c = stats(adapter).recent.counts();
        return new Recent(c.mapped(), c.quarantined(), c.quarantineRatio(), window);
    }

    private void add(String adapter, String what, int amount, AtomicLong local) {
        local.addAndGet(amount);
        meters.counter("cem.adapter." + what, "adapter", adapter).increment(amount);
    }

    private Stats stats(String adapter) {
        return stats.computeIfAbsent(adapter, a -> new Stats(new OutcomeWindow(clock, window)));
    }

    /** Counters of one adapter since start. */
    public record Snapshot(long received, long mapped, long quarantined, long rejected, LastError lastError) {
    }

    /** An adapter's outcomes within the window: quarantined / (mapped + quarantined) is the ratio. */
    public record Recent(long mapped, long quarantined, double quarantineRatio, Duration window) {
    }

    /** The adapter's most recent problem. */
    public record LastError(Instant at, String reason) {
    }

    private static final class Stats {
        final AtomicLong received = new AtomicLong();
        final AtomicLong mapped = new AtomicLong();
        final AtomicLong quarantined = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final OutcomeWindow recent;
        volatile LastError lastError;

        Stats(OutcomeWindow recent) {
            this.recent = recent;
        }
    }
}
