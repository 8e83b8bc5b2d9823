package io.cemhub.subscription;

import io.cemhub.broker.HubAddresses;
import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of one pushed subscription: {@code cem-sub-<id>} consumes the subscriber's own queue with one
 * transacted consumer (so events leave in order and only once delivered or dead-lettered), and, for a
 * grouped subscription, {@code cem-sub-<id>-groups} notifies due groups on a timer. Failures roll the JMS
 * transaction back (the event stays queued); there is no Camel redelivery: {@link RetryingDelivery}
 * retries.
 */
final class DeliveryRoutes extends RouteBuilder {

    private final Subscription subscription;
    private final SubscriberDelivery delivery;
    private final GroupFlusher flusher;
    private final long groupCheckMillis;

    DeliveryRoutes(Subscription subscription, SubscriberDelivery delivery, GroupFlusher flusher, long groupCheckMillis) {
        this.subscription = subscription;
        this.delivery = delivery;
        this.flusher = flusher;
        this.groupCheckMillis = groupCheckMillis;
    }

    static String routeId(Subscription s) {
        return "cem-sub-" + s.id();
    }

    static String groupRouteId(Subscription s) {
        return routeId(s) + "-groups";
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        from("jms:queue:" + HubAddresses.EVENTS + "::" + subscription.queue()
                + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
                + "&exposeListenerSession=true&concurrentConsumers=1&maxConcurrentConsumers=1")
                .routeId(routeId(subscription))
                .routeDescription(subscription.channel().wire() + " delivery to " + subscription.callback())
                .process(delivery).id(routeId(subscription) + "-deliver");
        if (flusher != null) {
            from("timer:" + groupRouteId(subscription) + "?period=" + groupCheckMillis + "&delay=" + groupCheckMillis)
                    .routeId(groupRouteId(subscription))
                    .routeDescription("grouped notifications to " + subscription.callback())
                    .process(flusher).id(groupRouteId(subscription) + "-flush");
        }
    }
}
