package io.cemhub.subscription;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The step of a subscription's delivery route: takes one event off the subscriber's queue and delivers
 * it (rate-limited, retried), or dead-letters it, in the consumer's JMS transaction; grouped
 * subscriptions put it into its group instead (committed to the database before the JMS acknowledgement,
 * idempotent by eventId), and {@link GroupFlusher} notifies later.
 */
final class SubscriberDelivery implements Processor {

    private final SubscriberLink link;
    private final Subscription subscription;
    private final GroupStore groups;
    private final Clock clock;

    SubscriberDelivery(SubscriberLink link, GroupStore groups, Clock clock) {
        this.link = link;
        this.subscription = link.subscription();
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JmsMessage jms = exchange.getIn(JmsMessage.class);
        QueuedEvent event = read(jms.getJmsMessage());
        MDC.put("eventId", event.eventId());
        try {
            if (subscription.grouped()) {
                groups.add(subscription, GroupStore.key(subscription, event), event, clock.instant());
                return;
            }
            if (!link.awaitSlot()) {
                throw new RetryingDelivery.Stopped("subscription " + subscription.id() + " stopped");
            }
            Notification n = Notification.single(event);
            String failure = link.deliver(n);
            if (failure != null) {
                Session session = jms.getJmsSession();
                DeadLetters.send(session, subscription, n.events(), failure, clock.instant());
                link.status().deadLettered(1);
            }
        } finally {
            MDC.remove("eventId");
        }
    }

    static QueuedEvent read(Message m) throws JMSException {
        Map<String, String> properties = new HashMap<>();
        for (Object name : Collections.list(m.getPropertyNames())) {
            String key = (String) name;
            if (!key.startsWith("JMS") && !key.startsWith("_")) {
                Object value = m.getObjectProperty(key);
                if (value instanceof String text) {
                    properties.put(key, text);
                }
            }
        }
        String body = ((TextMessage) m).getText();
        String eventId = properties.getOrDefault("eventId", m.getJMSMessageID());
        return new QueuedEvent(eventId, body, properties, m.getJMSTimestamp());
    }
}
