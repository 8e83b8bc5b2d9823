package io.cemhub.subscription;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jms.core.JmsTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs the delivery of every pushed subscription (its Camel routes) and keeps each one's
 * {@link DeliveryStatus}. When the hub closes, every wait (back-off, rate limit) ends at once, so a
 * subscriber that is down never holds up a graceful shutdown.
 */
public class SubscriberDeliveries implements ApplicationListener<ContextClosedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberDeliveries.class);

    private final CamelContext camel;
    private final Map<Channel, EventSender> senders;
    private final GroupStore groups;
    private final JmsTemplate transactedProducer;
    private final SubscriptionProperties properties;
    private final Clock clock;
    private final BooleanSupplier leads;
    private final Map<String, DeliveryStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, StopSignal> stops = new ConcurrentHashMap<>();
    private final Map<String, Subscription> started = new ConcurrentHashMap<>();

    /** @param leads whether this instance is the elected leader, which alone notifies grouped subscriptions */
    public SubscriberDeliveries(CamelContext camel, Map<Channel, EventSender> senders, GroupStore groups,
                                JmsTemplate transactedProducer, SubscriptionProperties properties, Clock clock,
                                BooleanSupplier leads) {
        this.camel = camel;
        this.senders = senders;
        this.groups = groups;
        this.transactedProducer = transactedProducer;
        this.properties = properties;
        this.clock = clock;
        this.leads = leads;
    }

    /** Starts delivering to a pushed subscription (a jms subscriber reads its queue itself). */
    public synchronized void start(Subscription s) throws Exception {
        statuses.putIfAbsent(s.id(), new DeliveryStatus());
        started.put(s.id(), s);
        if (!s.channel().pushed() || stops.containsKey(s.id())) {
            return;
        }
        StopSignal stop = new StopSignal();
        DeliveryStatus status = statuses.get(s.id());
        EventSender sender = senders.get(s.channel());
        RetryingDelivery retrying = new RetryingDelivery(
                new Backoff(properties.getRetryInitialDelay(), properties.getRetryMaxDelay()), clock);
        SubscriberLink link = new SubscriberLink(s, sender, retrying, status, stop,
                s.rateLimit() == null ? null : new RateLimiter(s.rateLimit()));
        SubscriberDelivery delivery = new SubscriberDelivery(link, groups, clock);
        GroupFlusher flusher = s.grouped()
                ? new GroupFlusher(link, groups, transactedProducer, clock, properties.getMaxGroupSize(), leads) : null;
        camel.addRoutes(new DeliveryRoutes(s, delivery, flusher, properties.getGroupCheck().toMillis()));
        stops.put(s.id(), stop);
        LOG.info("Subscription {}: delivering {} over {}", s.id(), s.query().isEmpty() ? "every event" : s.query(),
                s.channel().wire());
    }

    /** Stops a subscription's delivery and removes its routes; an event in flight stays queued. */
    public synchronized void stop(Subscription s) throws Exception {
        StopSignal stop = stops.remove(s.id());
        if (stop != null) {
            stop.stop();
            for (String routeId : new String[] {DeliveryRoutes.groupRouteId(s), DeliveryRoutes.routeId(s)}) {
                if (camel.getRoute(routeId) != null) {
                    camel.getRouteController().stopRoute(routeId, 30, TimeUnit.SECONDS);
                    camel.removeRoute(routeId);
                }
            }
        }
        if (senders.get(Channel.SOAP) instanceof SoapSender soap) {
            soap.forget(s.id());
        }
        statuses.remove(s.id());
        started.remove(s.id());
    }

    /** Whether this instance started {@code id}'s delivery (for a jms subscriber: its status). */
    public boolean started(String id) {
        return started.containsKey(id);
    }

    /** The subscriptions this instance delivers (or keeps the status of). */
    public List<Subscription> startedSubscriptions() {
        return List.copyOf(started.values());
    }

    public DeliveryStatus status(String id) {
        return statuses.getOrDefault(id, new DeliveryStatus());
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stops.values().forEach(StopSignal::stop);
    }
}
