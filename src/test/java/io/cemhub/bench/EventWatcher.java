package io.cemhub.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JMS 2.0 shared durable subscription on cem.events, made before anything is sent: events on a
 * topic nobody subscribes to are dropped. Several consumers share the subscription so that reading
 * events keeps up with the hub. Each MeasurementCreateEvent is matched to its phase by the prefix of
 * its correlationId (the measurement id the generator sent, or the wiSLA.VPN adapter made of it).
 */
final class EventWatcher implements AutoCloseable {

    static final String TOPIC = "cem.events";
    private static final String MEASUREMENT_CREATE = "MeasurementCreateEvent";
    private static final String CORRELATION = "\"correlationId\":\"";

    private final ActiveMQConnectionFactory factory;
    private final String subscription;
    private final Map<String, PhaseTracker> phases = new ConcurrentHashMap<>();
    private final AtomicLong foreign = new AtomicLong();
    private final List<Session> sessions = new ArrayList<>();
    private Connection connection;

    EventWatcher(String brokerUrl, String subscription) {
        // The broker needs a login too: bench/ingest-load.sh makes a user for the generator.
        this.factory = new ActiveMQConnectionFactory(brokerUrl, System.getenv("CEM_BENCH_BROKER_USER"),
                System.getenv("CEM_BENCH_BROKER_PASSWORD"));
        this.subscription = subscription;
    }

    void start(int consumers) throws JMSException {
        connection = factory.createConnection();
        for (int i = 0; i < consumers; i++) {
            // DUPS_OK: acknowledgements go in batches; a duplicate after a failure would be counted, not hidden.
            Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            Topic topic = session.createTopic(TOPIC);
            MessageConsumer consumer = session.createSharedDurableConsumer(topic, subscription);
            consumer.setMessageListener(this::onMessage);
            sessions.add(session);
        }
        connection.start();
    }

    void track(PhaseTracker phase) {
        phases.put(phase.prefix, phase);
    }

    /** Events that belong to no phase of this run (another client's, or an unparseable one). */
    long foreign() {
        return foreign.get();
    }

    private void onMessage(Message message) {
        long now = System.nanoTime();
        try {
            if (!MEASUREMENT_CREATE.equals(message.getStringProperty("eventType"))
                    || !(message instanceof TextMessage text)) {
                foreign.incrementAndGet();
                return;
            }
            // A substring search rather than a JSON parse: the generator shares two cores with the hub
            // and must not steal its CPU. The hub writes compact JSON with this exact key.
            String json = text.getText();
            int start = json.indexOf(CORRELATION);
            int end = start < 0 ? -1 : json.indexOf('"', start + CORRELATION.length());
            int slash = end < 0 ? -1 : json.indexOf('/', start);
            if (slash >= 0 && slash < end) {
                // a record of the wiSLA.VPN adapter (--mode wisla-vpn)
                WislaVpnBodies.Parsed parsed = WislaVpnBodies.parse(json.substring(start + CORRELATION.length(), end));
                PhaseTracker phase = parsed == null ? null : phases.get(parsed.prefix());
                if (phase == null) {
                    foreign.incrementAndGet();
                } else {
                    phase.eventArrived(parsed.record(), now);
                }
                return;
            }
            int dash = end < 0 ? -1 : json.lastIndexOf('-', end);
            PhaseTracker phase = dash <= start ? null : phases.get(json.substring(start + CORRELATION.length(), dash));
            if (phase == null) {
                foreign.incrementAndGet();
                return;
            }
            phase.eventArrived(Integer.parseInt(json, dash + 1, end, 10), now);
        } catch (JMSException | RuntimeException e) {
            foreign.incrementAndGet();
        }
    }

    /** Closes the consumers and removes the subscription, so that the broker stops keeping events for it. */
    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.stop();
                for (Session s : sessions) {
                    s.close();
                }
                try (Session cleanup = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                    cleanup.unsubscribe(subscription);
                } catch (JMSException e) {
                    System.err.println("warning: could not remove subscription " + subscription + ": " + e);
                }
                connection.close();
            }
        } catch (JMSException e) {
            System.err.println("warning: closing the event watcher: " + e);
        } finally {
            factory.close();
        }
    }
}
