package io.cemhub.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts transitions where they arrive: on the topic (the hub's cem.events, alarm events only, via a shared
 * durable subscription made before anything is sent; or the sink broker's address) and at the webhook
 * counter. For the hub it also marks each record done when its MeasurementCreateEvent arrives.
 */
final class CompareCounters implements AutoCloseable {

    private static final String CORRELATION = "\"correlationId\":\"cmp-";

    private final CompareOptions o;
    private final CompareBook book;
    private final AtomicLong topic = new AtomicLong();
    private final AtomicLong strays = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ActiveMQConnectionFactory factory;
    private Connection connection;

    CompareCounters(CompareOptions o, CompareBook book) {
        this.o = o;
        this.book = book;
    }

    void start() throws JMSException, IOException, InterruptedException {
        webhook("/reset", true);
        factory = o.hubEvents
                ? new ActiveMQConnectionFactory(o.topicBroker, System.getenv("CEM_BENCH_BROKER_USER"), System.getenv("CEM_BENCH_BROKER_PASSWORD"))
                : new ActiveMQConnectionFactory(o.topicBroker);
        connection = factory.createConnection();
        for (int i = 0; i < (o.hubEvents ? 2 : 1); i++) {
            Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            MessageConsumer consumer = o.hubEvents
                    ? session.createSharedDurableConsumer(session.createTopic(o.topic), "cem-compare")
                    : session.createConsumer(session.createTopic(o.topic));
            consumer.setMessageListener(o.hubEvents ? this::onHubEvent : m -> topic.incrementAndGet());
        }
        connection.start();
    }

    long topic() {
        return topic.get();
    }

    long strays() {
        return strays.get();
    }

    long webhook() throws IOException, InterruptedException {
        return webhook("/count", false);
    }

    private long webhook(String path, boolean post) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(o.webhookCounter + path)).timeout(Duration.ofSeconds(10));
        HttpResponse<String> answer = http.send(post ? r.POST(HttpRequest.BodyPublishers.noBody()).build() : r.GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Long.parseLong(answer.body().trim());
    }

    private void onHubEvent(Message message) {
        long now = System.nanoTime();
        try {
            String type = message.getStringProperty("eventType");
            if (type != null && type.startsWith("Alarm")) {
                topic.incrementAndGet();
            } else if ("MeasurementCreateEvent".equals(type) && message instanceof TextMessage text) {
                // A substring search, not a JSON parse: the driver shares the two cores with the contestant.
                String json = text.getText();
                int start = json.indexOf(CORRELATION);
                int end = start < 0 ? -1 : json.indexOf('"', start + CORRELATION.length());
                if (end < 0) {
                    strays.incrementAndGet();
                    return;
                }
                book.recordDone(Long.parseLong(json, start + CORRELATION.length(), end, 10), now);
            } else {
                strays.incrementAndGet();
            }
        } catch (JMSException | RuntimeException e) {
            strays.incrementAndGet();
        }
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (JMSException e) {
            System.err.println("warning: closing the topic counter: " + e);
        }
        if (o.hubEvents && factory != null) {
            try (Connection c = factory.createConnection(); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                s.unsubscribe("cem-compare");
            } catch (JMSException e) {
                System.err.println("warning: could not remove subscription cem-compare: " + e);
            }
        }
        if (factory != null) {
            factory.close();
        }
    }
}
