package io.cemhub.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.EventCollector;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the JMS corpus: each case as a message on each queue it names ({@code on}: the native
 * {@code cem.ingest.canonical} and the adapters' queues, declared under {@code queues}), as a bytes message
 * or ({@code message: text}) a text message, with the case's string {@code properties} and
 * {@code replyTo}. Expected: {@code quarantined} (default true: one more {@code cem.quarantine} entry holding
 * the bytes sent, of the queue's adapter, its reason containing {@code reason}), or {@code accepted} (that
 * many record events whose id contains the case's marker reach cem.events, and nothing is quarantined).
 * With {@code replyTo}, nothing may ever be sent to the reply queue.
 */
final class JmsCases {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final ConnectionFactory factory;
    private final QuarantineProbe quarantine;
    private final EventCollector events;

    JmsCases(ConnectionFactory factory, QuarantineProbe quarantine, EventCollector events) {
        this.factory = factory;
        this.quarantine = quarantine;
        this.events = events;
    }

    static List<String> queuesOf(Corpus.Case c) {
        List<String> on = c.list("on");
        return on.isEmpty() ? List.of("native") : on;
    }

    void run(Corpus corpus, Corpus.Case c, String queueName, String marker) throws JMSException {
        QuarantineProbe quarantine = this.quarantine.since(System.currentTimeMillis() - 1000);
        JsonNode queue = corpus.root().path("queues").path(queueName);
        assertThat(queue.isObject()).as("queue " + queueName + " declared under queues").isTrue();
        String adapter = queue.path("adapter").asText();
        byte[] body = Inputs.of(corpus, c, marker);
        boolean text = "text".equals(c.text("message"));
        // a text message's bytes are its text in UTF-8: what the quarantine keeps of it
        byte[] kept = text ? new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8) : body;
        JsonNode expect = c.expect();
        int before = quarantine.matching(QuarantineProbe.QUARANTINE, kept).size();
        String replyTo = c.text("replyTo") == null ? null : Inputs.fill(c.text("replyTo"), marker);

        send(queue.path("queue").asText(), body, text, c.strings("properties"), replyTo, marker);

        if (expect.has("accepted")) {
            int records = expect.path("accepted").asInt();
            await().atMost(WAIT).untilAsserted(() -> assertThat(events.recordEvents().stream()
                    .filter(e -> e.path("correlationId").asText().contains(marker)).count())
                    .as("record events of " + marker).isEqualTo(records));
            assertThat(quarantine.matching(QuarantineProbe.QUARANTINE, kept)).as("quarantined although accepted")
                    .hasSize(before);
        } else {
            await().atMost(WAIT).untilAsserted(() -> assertThat(quarantine.matching(QuarantineProbe.QUARANTINE, kept))
                    .as("quarantine entries with the bytes sent").hasSize(before + 1));
            QuarantineProbe.Entry entry = quarantine.matching(QuarantineProbe.QUARANTINE, kept).get(before);
            assertThat(entry.adapter()).isEqualTo(adapter);
            assertThat(entry.origin()).as("origin").isNotBlank();
            String reason = expectedText(expect.path("reason"), queueName);
            assertThat(entry.reason()).as("reason").isNotBlank();
            if (reason != null) {
                assertThat(entry.reason()).as("reason").containsIgnoringCase(reason);
            }
            assertThat(events.recordEvents().stream().filter(e -> e.path("correlationId").asText().contains(marker)))
                    .as("records of a quarantined message").isEmpty();
        }
        if (replyTo != null) {
            // a reply would leave as the listener finishes: the queue must stay empty for a while after that
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> quarantine.browse(replyTo).isEmpty());
        }
    }

    static String expectedText(JsonNode value, String entry) {
        if (value.isObject()) {
            JsonNode v = value.has(entry) ? value.path(entry) : value.path("default");
            return v.isMissingNode() ? null : v.asText();
        }
        return value.isMissingNode() ? null : value.asText();
    }

    private void send(String queue, byte[] body, boolean text, Map<String, String> properties, String replyTo,
                      String marker) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message message;
            if (text) {
                message = session.createTextMessage(new String(body, StandardCharsets.UTF_8));
            } else {
                BytesMessage bytes = session.createBytesMessage();
                bytes.writeBytes(body);
                message = bytes;
            }
            for (Map.Entry<String, String> p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), Inputs.fill(p.getValue(), marker));
            }
            if (replyTo != null) {
                message.setJMSReplyTo(session.createQueue(replyTo));
            }
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.send(message);
        }
    }
}
