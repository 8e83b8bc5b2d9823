package io.cemhub.subscription;

import io.cemhub.config.ConfigFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Subscriptions: the TMF688 hub's and config/subscriptions.yaml's. Creating one makes its broker queues
 * (so it receives every matching event from then on) and starts its delivery; deleting one removes
 * both. On start, the file's subscriptions are brought up to date (a query change keeps what the queue
 * holds), those removed from the file are deleted, and every subscription's delivery starts. Instances that
 * share a database (docs/scaling.md) learn of each other's API subscriptions by {@link #syncWithStore()}.
 */
public class SubscriptionService {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionService.class);

    private final SubscriptionStore store;
    private final SubscriptionFactory factory;
    private final SubscriptionQueues queues;
    private final SubscriberDeliveries deliveries;
    private final GroupStore groups;
    private boolean started;

    public SubscriptionService(SubscriptionStore store, SubscriptionFactory factory, SubscriptionQueues queues,
                               SubscriberDeliveries deliveries, GroupStore groups) {
        this.store = store;
        this.factory = factory;
        this.queues = queues;
        this.deliveries = deliveries;
        this.groups = groups;
    }

    /** Makes the broker side of the file's and the stored subscriptions (before events flow). */
    public void prepare(ConfigFiles files, String fileName, Environment environment) {
        List<SubscriptionRequest> fromFile = SubscriptionsFile.read(files.open(fileName), files.describe(fileName), environment);
        Set<String> ids = new HashSet<>();
        for (SubscriptionRequest r : fromFile) {
            Subscription s = factory.create(r, "config", null);
            if (!ids.add(s.id())) {
                throw new InvalidSubscriptionException("subscription id " + s.id() + " appears twice in " + fileName);
            }
            Optional<Subscription> old = store.find(s.id());
            store.save(old.map(o -> keepCreation(s, o)).orElse(s));
        }
        for (Subscription s : store.all()) {
            if (s.origin().equals("config") && !ids.contains(s.id())) {
                LOG.warn("Subscription {} is no longer in {}: deleting it and its queues", s.id(), fileName);
                queues.delete(s);
                store.delete(s.id());
            } else {
                queues.ensure(s);
            }
        }
    }

    /** Starts delivering to every subscription (once Camel runs). */
    public synchronized void startAll() throws Exception {
        for (Subscription s : store.all()) {
            deliveries.start(s);
        }
        started = true;
    }

    /**
     * Brings this instance's deliveries up to date with the stored subscriptions: another instance on the same
     * database may have made one over the API since this one started (its delivery starts here too, once its
     * queue exists, so that the subscriber's queue has a consumer on every instance) or deleted one (its
     * delivery stops here). Runs every {@code cem.subscriptions.sync-interval}.
     */
    public synchronized void syncWithStore() throws Exception {
        if (!started) {
            return;
        }
        List<Subscription> stored = store.all();
        Set<String> ids = new HashSet<>();
        for (Subscription s : stored) {
            ids.add(s.id());
            if (!deliveries.started(s.id()) && queues.exists(s)) {
                LOG.info("Subscription {} was made on another instance: delivering here too", s.id());
                deliveries.start(s);
            }
        }
        for (Subscription s : deliveries.startedSubscriptions()) {
            if (!ids.contains(s.id())) {
                LOG.info("Subscription {} was deleted on another instance: stopping its delivery here", s.id());
                deliveries.stop(s);
            }
        }
    }

    public synchronized Subscription create(SubscriptionRequest request, String owner) throws Exception {
        Subscription s = factory.create(request, "api", owner);
        store.save(s);
        queues.ensure(s);
        deliveries.start(s);
        return s;
    }

    public List<Subscription> all() {
        return store.all();
    }

    public Optional<Subscription> find(String id) {
        return store.find(id);
    }

    /**
     * Deletes an API subscription with its queues and what they hold.
     *
     * @throws IllegalStateException for a subscription of config/subscriptions.yaml (remove it there)
     */
    public synchronized boolean delete(String id) throws Exception {
        Optional<Subscription> found = store.find(id);
        if (found.isEmpty()) {
            return false;
        }
        Subscription s = found.get();
        if (s.origin().equals("config")) {
            throw new IllegalStateException("subscription " + id + " is defined in config/subscriptions.yaml: remove it there");
        }
        deliveries.stop(s);
        queues.delete(s);
        store.delete(id);
        return true;
    }

    public SubscriptionStatus status(Subscription s) {
        DeliveryStatus d = deliveries.status(s.id());
        long[] depths = queues.depths(s);
        long pending = depths[0] + groups.pending(s.id());
        return new SubscriptionStatus(s.id(), s.channel().wire(), d.delivered(), d.notifications(), pending, d.retrying(),
                d.attempt(), d.failedAttempts(), depths[1], d.deadLettered(), d.lastError(),
                d.lastErrorAt(), d.lastDeliveredAt(), d.lastLagMillis());
    }

    /** What a subscription's delivery has done since the start (for its meters, without asking the broker). */
    public DeliveryStatus delivery(String id) {
        return deliveries.status(id);
    }

    /** Events of a grouped subscription that left its queue and wait in a group (0 for others). */
    public long pendingInGroups(String id) {
        return groups.pending(id);
    }

    private static Subscription keepCreation(Subscription fresh, Subscription old) {
        return new Subscription(fresh.id(), fresh.channel(), fresh.callback(), fresh.query(), fresh.secret(),
                fresh.groupBy(), fresh.groupWait(), fresh.groupInterval(), fresh.rateLimit(), fresh.maxAge(),
                fresh.origin(), fresh.owner(), old.createdAt());
    }
}
