package io.cemhub.crm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cemhub.identity.HeldKey;
import io.cemhub.identity.RegistryConflictException;
import io.cemhub.identity.UnknownIdLookup;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Asks the CRM about ids that records are held for, off the sweep's thread (two calls at a time, a bounded
 * queue; an id already being asked is not asked twice). A customer found is written to the registry as a
 * CustomerUpdated would be, which releases the records. "Unknown" is remembered for
 * {@code cem.crm.query.cache-ttl}; "CRM unavailable" is not: the next sweep asks again.
 */
public class CrmLookup implements UnknownIdLookup, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrmLookup.class);

    private final CrmQueryClient client;
    private final CustomerSync sync;
    private final MeterRegistry meters;
    private final Cache<HeldKey, Boolean> answered;
    private final Set<HeldKey> asking = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), r -> new Thread(r, "cem-crm-lookup"));

    public CrmLookup(CrmQueryClient client, CustomerSync sync, CrmProperties.Query query, MeterRegistry meters) {
        this.client = client;
        this.sync = sync;
        this.meters = meters;
        this.answered = Caffeine.newBuilder().expireAfterWrite(query.getCacheTtl()).maximumSize(100_000).build();
    }

    @Override
    public void lookUp(HeldKey key) {
        if (answered.getIfPresent(key) != null || !asking.add(key)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    ask(key);
                } finally {
                    asking.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            asking.remove(key); // queue full: the next sweep asks again
        }
    }

    private void ask(HeldKey key) {
        String system = CrmXml.CRM.equals(key.system()) ? null : key.system();
        CrmQueryClient.Answer answer = client.getCustomer(system, key.ref());
        if (answer.unavailable()) {
            count("unavailable");
            if (down.compareAndSet(false, true)) {
                LOG.warn("the CRM's query service does not answer (down, slow or circuit open): records wait for it");
            }
            return;
        }
        if (down.compareAndSet(true, false)) {
            LOG.info("the CRM's query service answers again");
        }
        answered.put(key, Boolean.TRUE);
        if (answer.customer().isEmpty()) {
            count("unknown");
            LOG.info("the CRM does not know {} {} of {} either", key.kind(), key.ref(), key.system());
            return;
        }
        try {
            LOG.info("CRM answered for {} {} of {}: {}", key.kind(), key.ref(), key.system(),
                    sync.apply(answer.customer().get()));
            count("found");
        } catch (RegistryConflictException e) {
            count("conflict");
            LOG.warn("the CRM's answer for {} {} of {} contradicts the registry: {}", key.kind(), key.ref(),
                    key.system(), e.getMessage());
        }
    }

    private void count(String outcome) {
        meters.counter("cem.crm.query", "outcome", outcome).increment();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
