package io.cemhub.ops;

import io.cemhub.subscription.DeliveryStatus;
import io.cemhub.subscription.Subscription;
import io.cemhub.subscription.SubscriptionService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Per-subscriber meters (tag {@code subscription}): counters of what its delivery did since the start,
 * read from its {@link DeliveryStatus}, and gauges of what waits, taken from the last broker sample
 * ({@link BrokerQueueDepths}). {@link #sample()} follows subscriptions as they are created and deleted.
 */
public class SubscriptionMeters {

    private final SubscriptionService subscriptions;
    private final BrokerQueueDepths queues;
    private final MeterRegistry meters;
    private final Map<String, List<Meter>> registered = new ConcurrentHashMap<>();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    public SubscriptionMeters(SubscriptionService subscriptions, BrokerQueueDepths queues, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.queues = queues;
        this.meters = meters;
    }

    /** Run after {@link BrokerQueueDepths#sample()}: takes the queue depths of that sample. */
    public void sample() {
        Set<String> current = new HashSet<>();
        for (Subscription s : subscriptions.all()) {
            current.add(s.id());
            long inGroups = s.grouped() ? subscriptions.pendingInGroups(s.id()) : 0;
            waiting.put(s.id(), new Waiting(queues.depth(s.queue()) + inGroups, queues.depth(s.deadLetterQueue())));
            registered.computeIfAbsent(s.id(), this::register);
        }
        for (String gone : List.copyOf(registered.keySet())) {
            if (!current.contains(gone)) {
                registered.remove(gone).forEach(meters::remove);
                waiting.remove(gone);
            }
        }
    }

    private List<Meter> register(String id) {
        return List.of(
                counter("cem.subscription.delivered", id, "events delivered", DeliveryStatus::delivered),
                counter("cem.subscription.notifications", id, "notifications (calls) delivered",
                        DeliveryStatus::notifications),
                counter("cem.subscription.failed.attempts", id, "delivery attempts that failed",
                        DeliveryStatus::failedAttempts),
                counter("cem.subscription.dead.lettered", id, "events moved to the subscriber's dead-letter queue",
                        DeliveryStatus::deadLettered),
                Gauge.builder("cem.subscription.pending", waiting, w -> w.getOrDefault(id, Waiting.NONE).pending())
                        .tag("subscription", id).description("events waiting for delivery (queue and groups)")
                        .register(meters),
                Gauge.builder("cem.subscription.dead.letters", waiting,
                                w -> w.getOrDefault(id, Waiting.NONE).deadLetters())
                        .tag("subscription", id).description("events on the subscriber's dead-letter queue now")
                        .register(meters));
    }

    private Meter counter(String name, String id, String description, ToLongFunction<DeliveryStatus> count) {
        return FunctionCounter.builder(name, subscriptions, s -> count.applyAsLong(s.delivery(id)))
                .tag("subscription", id).description(description).register(meters);
    }

    /** What waits for one subscriber at the last sample. */
    private record Waiting(double pending, double deadLetters) {
        static final Waiting NONE = new Waiting(Double.NaN, Double.NaN);
    }
}
