package io.cemhub.ops;

import io.cemhub.adapter.AdapterCatalog;
import io.cemhub.adapter.AdapterMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Takes the samples behind the gauges every {@code cem.metrics.sample-interval}, so that scrapes read
 * copies and never reach the broker or the database: queue depths, then the subscribers' gauges; and it
 * gives every adapter of the catalogue its counters at 0 (an adapter loaded but never used shows up).
 */
public class OpsSampler {

    private static final Logger LOG = LoggerFactory.getLogger(OpsSampler.class);

    private final BrokerQueueDepths queues;
    private final SubscriptionMeters subscriptions;
    private final AdapterCatalog adapters;
    private final AdapterMetrics adapterMetrics;

    public OpsSampler(BrokerQueueDepths queues, SubscriptionMeters subscriptions, AdapterCatalog adapters,
                      AdapterMetrics adapterMetrics) {
        this.queues = queues;
        this.subscriptions = subscriptions;
        this.adapters = adapters;
        this.adapterMetrics = adapterMetrics;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${cem.metrics.sample-interval:10s}")
    public void sample() {
        try {
            adapters.adapters().forEach(a -> adapterMetrics.register(a.id()));
            queues.sample();
            subscriptions.sample();
        } catch (RuntimeException e) {
            // The next sample tries again; the broker's own trouble is logged by BrokerQueueDepths.
            LOG.warn("Metrics sample failed: {}", e.toString());
        }
    }
}
