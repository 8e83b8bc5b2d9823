package io.cemhub.identity;

import io.cemhub.ingest.IngestBatchCodec;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.model.CemRecord;
import io.cemhub.model.SourceRef;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets held records go: those whose id the registry knows now go back on the ingest queue to be resolved,
 * those held longer than {@code cem.identity.hold-horizon} go back to flow on flagged unresolved, the
 * others wait, and the CRM is asked about their id. A sweep runs every {@code cem.identity.hold-sweep}
 * and right after every registry write. Records are deleted from the hold only after they are durable on
 * the ingest queue again (at-least-once: a crash in between releases them twice, with the same ids).
 */
public class HeldRecordReleaser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeldRecordReleaser.class);
    private static final SourceRef HOLD = new SourceRef("cem", "identity-hold");
    private static final int BATCH = 500;

    private final HeldRecordStore store;
    private final IdentityResolver resolver;
    private final HoldPolicy policy;
    private final IngestGateway gateway;
    private final IngestBatchCodec codec;
    private final UnknownIdLookup lookup;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> new Thread(r, "cem-identity-hold"));
    private final AtomicBoolean sweepRequested = new AtomicBoolean();

    public HeldRecordReleaser(HeldRecordStore store, IdentityResolver resolver, HoldPolicy policy, IngestGateway gateway,
                              IngestBatchCodec codec, UnknownIdLookup lookup, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.resolver = resolver;
        this.policy = policy;
        this.gateway = gateway;
        this.codec = codec;
        this.lookup = lookup;
        this.clock = clock;
        this.meters = meters;
        meters.gauge("cem.identity.held.waiting", store, s -> s.count());
    }

    /** After a registry write commits: sweep soon, on the hold's own thread (the writer does not wait). */
    @TransactionalEventListener(fallbackExecution = true)
    public void registryChanged(RegistryChanged change) {
        resolver.invalidateAll();
        if (sweepRequested.compareAndSet(false, true)) {
            soon.execute(() -> {
                sweepRequested.set(false);
                try {
                    sweep();
                } catch (RuntimeException e) {
                    LOG.warn("identity hold sweep after a registry change failed (the timer sweeps again): {}",
                            e.toString());
                }
            });
        }
    }

    /** @return how many records left the hold */
    public synchronized int sweep() {
        List<HeldRecordStore.Waiting> waiting = store.waiting(policy.properties().getHoldSweepKeys());
        if (waiting.size() < policy.properties().getHoldSweepKeys()) {
            policy.reload(waiting.stream().map(HeldRecordStore.Waiting::key).toList());
        }
        Instant expiredBefore = clock.instant().minus(policy.properties().getHoldHorizon());
        int released = 0;
        for (HeldRecordStore.Waiting w : waiting) {
            if (w.key().resolvesWith(resolver)) {
                released += release(w.key(), HoldPolicy.RELEASED_RESOLVED, null);
            } else if (!w.since().isAfter(expiredBefore)) {
                released += release(w.key(), HoldPolicy.RELEASED_EXPIRED, expiredBefore);
            } else {
                lookup.lookUp(w.key());
            }
        }
        return released;
    }

    /** Sends the key's held records (those held before {@code heldBefore}, when given) back, in order. */
    private int release(HeldKey key, String outcome, Instant heldBefore) {
        int released = 0;
        while (true) {
            List<HeldRecordStore.Row> rows = store.records(key, BATCH).stream()
                    .filter(r -> heldBefore == null || !r.heldAt().isAfter(heldBefore)).toList();
            if (rows.isEmpty()) {
                break;
            }
            List<CemRecord> records = new ArrayList<>(rows.size());
            for (HeldRecordStore.Row row : rows) {
                records.add(decode(row));
            }
            gateway.resubmit(HOLD, records, HoldPolicy.RELEASE_PROPERTY, outcome);
            store.delete(rows);
            released += rows.size();
            meters.counter("cem.identity.released", "outcome", outcome).increment(rows.size());
            if (rows.size() < BATCH) {
                break;
            }
        }
        if (store.records(key, 1).isEmpty()) {
            policy.released(key);
        }
        LOG.info("{} held record(s) of {} {} from {} released: {}", released, key.kind(), key.ref(), key.system(), outcome);
        return released;
    }

    private CemRecord decode(HeldRecordStore.Row row) {
        try {
            return codec.decode(row.json().getBytes(StandardCharsets.UTF_8)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("held record " + row.seq() + " is unreadable", e);
        }
    }

    @Override
    public void close() {
        soon.shutdownNow();
    }
}
