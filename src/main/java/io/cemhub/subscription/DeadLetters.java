package io.cemhub.subscription;

import io.cemhub.broker.HubAddresses;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A subscription's dead letters (queue cem.sub.{id}.dlq): events it could not deliver, with the original
 * envelope and properties plus why ({@code cemReason}) and when. Replay moves them back to the end of the
 * subscriber's own queue (cem.events::cem.sub.{id}), in one transaction, so the delivery tries again.
 */
public class DeadLetters {

    public static final String REASON = "cemReason";
    public static final String DEAD_LETTERED_AT = "cemDeadLetteredAt";
    public static final String PUBLISHED_AT = "cemPublishedAt";

    private final ConnectionFactory factory;

    public DeadLetters(ConnectionFactory factory) {
        this.factory = factory;
    }

    /** Puts the events on the dead-letter queue in the given (transacted) session. */
    static void send(Session session, Subscription s, List<QueuedEvent> events, String reason, Instant now)
            throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(s.deadLetterQueue()));
        try {
            for (QueuedEvent e : events) {
                TextMessage m = session.createTextMessage(e.body());
                for (Map.Entry<String, String> p : e.properties().entrySet()) {
                    m.setStringProperty(p.getKey(), p.getValue());
                }
                m.setStringProperty(REASON, reason.length() > 2000 ? reason.substring(0, 2000) : reason);
                m.setLongProperty(DEAD_LETTERED_AT, now.toEpochMilli());
                m.setLongProperty(PUBLISHED_AT, e.publishedAt());
                producer.send(m, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            }
        } finally {
            producer.close();
        }
    }

    /** Entries, oldest first. */
    public List<DeadLetter> list(Subscription s, int limit) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            QueueBrowser browser = session.createBrowser(session.createQueue(s.deadLetterQueue()));
            List<DeadLetter> entries = new ArrayList<>();
            for (Object o : Collections.list(browser.getEnumeration())) {
                if (entries.size() >= limit) {
                    break;
                }
                Message m = (Message) o;
                entries.add(new DeadLetter(m.getJMSMessageID(), m.getStringProperty("eventId"),
                        m.getStringProperty("eventType"), m.getStringProperty(REASON),
                        Instant.ofEpochMilli(m.getLongProperty(DEAD_LETTERED_AT)), ((TextMessage) m).getText()));
            }
            return entries;
        }
    }

    /**
     * Moves dead letters back to the subscriber's queue: all of them, or those with the given event ids.
     *
     * @return how many moved
     */
    public int replay(Subscription s, List<String> eventIds) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(s.deadLetterQueue()), selector(eventIds));
            // The fully qualified name of the subscriber's (multicast) queue: only that queue gets them.
            MessageProducer producer = session.createProducer(
                    session.createTopic(HubAddresses.EVENTS + "::" + s.queue()));
            int moved = 0;
            try {
                for (Message m = consumer.receive(500); m != null; m = consumer.receive(200)) {
                    producer.send(copy(session, (TextMessage) m), DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY,
                            Message.DEFAULT_TIME_TO_LIVE);
                    moved++;
                }
                session.commit();
                return moved;
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                throw e;
            }
        }
    }

    private static TextMessage copy(Session session, TextMessage m) throws JMSException {
        TextMessage copy = session.createTextMessage(m.getText());
        Map<String, String> properties = new HashMap<>();
        for (Object name : Collections.list(m.getPropertyNames())) {
            String key = (String) name;
            if (!key.startsWith("JMS") && !key.startsWith("_") && !key.equals(REASON) && !key.equals(DEAD_LETTERED_AT)
                    && !key.equals(PUBLISHED_AT)) {
                properties.put(key, m.getStringProperty(key));
            }
        }
        for (Map.Entry<String, String> p : properties.entrySet()) {
            copy.setStringProperty(p.getKey(), p.getValue());
        }
        String group = properties.get("serviceId");
        if (group != null) {
            copy.setStringProperty("JMSXGroupID", group);
        }
        return copy;
    }

    private static String selector(List<String> eventIds) {
        if (eventIds == null || eventIds.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder("eventId IN (");
        for (int i = 0; i < eventIds.size(); i++) {
            s.append(i == 0 ? "'" : ", '").append(eventIds.get(i).replace("'", "''")).append('\'');
        }
        return s.append(')').toString();
    }

    /** One dead letter as the REST API lists it. */
    public record DeadLetter(String messageId, String eventId, String eventType, String reason, Instant deadLetteredAt,
                             String envelope) {
    }
}
