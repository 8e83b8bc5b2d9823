package io.cemhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A durable subscription on cem.events, as a subscriber system would hold: every event published while
 * it exists is kept for it, also while it is disconnected. {@link #close()} disconnects;
 * {@link #unsubscribe()} deletes the subscription.
 */
public final class EventCollector implements AutoCloseable {

    private final Connection connection;
    private final Session session;
    private final MessageConsumer consumer;
    private final String name;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    public EventCollector(ConnectionFactory factory, String subscriptionName) {
        this.name = subscriptionName;
        try {
            connection = factory.createConnection();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            consumer = session.createSharedDurableConsumer(session.createTopic("cem.events"), subscriptionName);
            consumer.setMessageListener(message -> {
                try {
                    events.add(TestRecords.JSON.readTree(((TextMessage) message).getText()));
                } catch (JMSException | IOException e) {
                    throw new IllegalStateException("unreadable event", e);
                }
            });
            connection.start();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot subscribe to cem.events", e);
        }
    }

    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    public List<JsonNode> events(Predicate<JsonNode> filter) {
        return events.stream().filter(filter).toList();
    }

    /** The record's own event (MeasurementCreateEvent, CustomerInteractionCreateEvent) for this record id. */
    public List<JsonNode> about(String recordId) {
        return events(e -> recordId.equals(e.path("correlationId").asText()) && isRecordEvent(e));
    }

    /** Events a record caused besides its own (alarm notifications), in order. */
    public List<JsonNode> causedBy(String recordId) {
        return events(e -> recordId.equals(e.path("correlationId").asText()) && !isRecordEvent(e));
    }

    /** Every record event, in arrival order. */
    public List<JsonNode> recordEvents() {
        return events(EventCollector::isRecordEvent);
    }

    public static boolean isRecordEvent(JsonNode e) {
        String type = e.path("eventType").asText();
        return type.equals("MeasurementCreateEvent") || type.equals("CustomerInteractionCreateEvent");
    }

    public void unsubscribe() {
        try {
            consumer.close();
            session.unsubscribe(name);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
