package io.cemhub.adapter;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters per adapter, kept twice on purpose: as Micrometer counters ({@code cem.adapter.received},
 * {@code .mapped}, {@code .quarantined}, {@code .rejected}, tag {@code adapter}) for Prometheus, and here
 * with the last error, for the adapter catalogue (GET /api/v1/adapters).
 */
public class AdapterMetrics {

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();

    public AdapterMetrics(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** Input items (documents, array elements, CSV lines) the adapter took in. */
    public void received(String adapter, int items) {
        add(adapter, "received", items, stats(adapter).received);
    }

    /** Canonical records made durable. */
    public void mapped(String adapter, int records) {
        add(adapter, "mapped", records, stats(adapter).mapped);
    }

    public void quarantined(String adapter, int entries, String reason) {
        add(adapter, "quarantined", entries, stats(adapter).quarantined);
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

    private void add(String adapter, String what, int amount, AtomicLong local) {
        local.addAndGet(amount);
        meters.counter("cem.adapter." + what, "adapter", adapter).increment(amount);
    }

    private Stats stats(String adapter) {
        return stats.computeIfAbsent(adapter, a -> new Stats());
    }

    /** Counters of one adapter since start. */
    public record Snapshot(long received, long mapped, long quarantined, long rejected, LastError lastError) {
    }

    /** The adapter's most recent problem. */
    public record LastError(Instant at, String reason) {
    }

    private static final class Stats {
        final AtomicLong received = new AtomicLong();
        final AtomicLong mapped = new AtomicLong();
        final AtomicLong quarantined = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        volatile LastError lastError;
    }
}
