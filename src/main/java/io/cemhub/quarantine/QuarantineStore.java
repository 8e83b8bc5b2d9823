package io.cemhub.quarantine;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the quarantine address: browses it without consuming (filtered in the broker by JMS selectors on
 * the properties {@link QuarantineService} sets) and takes single entries off it for replay. Uses the
 * plain connection factory, not the producers' cache: a cached consumer with a selector would keep
 * messages prefetched and hide them from everyone else.
 */
public class QuarantineStore {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private final ConnectionFactory factory;
    private final String address;

    public QuarantineStore(ConnectionFactory factory, String address) {
        this.factory = factory;
        this.address = address;
    }

    /** Entries, oldest first, optionally of one adapter and within [from, to). */
    public List<QuarantineEntry> browse(String adapter, Instant from, Instant to, int limit) throws JMSException {
        List<String> conditions = new ArrayList<>();
        if (adapter != null && !adapter.isBlank()) {
            conditions.add(QuarantineService.ADAPTER + " = '" + safe(adapter) + "'");
        }
        if (from != null) {
            conditions.add(QuarantineService.QUARANTINED_AT + " >= " + from.toEpochMilli());
        }
        if (to != null) {
            conditions.add(QuarantineService.QUARANTINED_AT + " < " + to.toEpochMilli());
        }
        return browse(conditions.isEmpty() ? null : String.join(" AND ", conditions), limit);
    }

    public Optional<QuarantineEntry> find(String id) throws JMSException {
        return browse("JMSMessageID = '" + safe(id) + "'", 1).stream().findFirst();
    }

    /**
     * Takes entry {@code id} off the quarantine in a local transaction and runs {@code work} in it; the
     * removal commits only with the work, so a failure leaves the entry where it was.
     *
     * @return false when the entry is gone (replayed or taken by someone else meanwhile)
     */
    public boolean take(String id, SessionWork work) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(address),
                    "JMSMessageID = '" + safe(id) + "'");
            Message message = consumer.receive(2000);
            if (message == null) {
                session.rollback();
                return false;
            }
            try {
                work.run(session);
                session.commit();
                return true;
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                throw e;
            }
        }
    }

    private List<QuarantineEntry> browse(String selector, int limit) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            QueueBrowser browser = session.createBrowser(session.createQueue(address), selector);
            List<QuarantineEntry> entries = new ArrayList<>();
            for (Object o : Collections.list(browser.getEnumeration())) {
                if (entries.size() >= limit) {
                    break;
                }
                entries.add(entry((Message) o));
            }
            return entries;
        }
    }

    private static QuarantineEntry entry(Message m) throws JMSException {
        long at = m.propertyExists(QuarantineService.QUARANTINED_AT) ? m.getLongProperty(QuarantineService.QUARANTINED_AT)
                : m.getJMSTimestamp();
        return new QuarantineEntry(m.getJMSMessageID(), m.getStringProperty(QuarantineService.ADAPTER),
                m.getStringProperty(QuarantineService.ORIGIN), m.getStringProperty(QuarantineService.REASON),
                Instant.ofEpochMilli(at), m.getStringProperty(QuarantineService.FORMAT),
                m.getStringProperty(QuarantineService.CSV_DELIMITER), m.getStringProperty(QuarantineService.CSV_COLUMNS),
                parameters(m), body(m));
    }

    private static Map<String, String> parameters(Message m) throws JMSException {
        Map<String, String> parameters = new HashMap<>();
        for (Object name : Collections.list(m.getPropertyNames())) {
            String property = (String) name;
            if (property.startsWith(QuarantineService.PARAMETER_PREFIX)) {
                parameters.put(property.substring(QuarantineService.PARAMETER_PREFIX.length()), m.getStringProperty(property));
            }
        }
        return parameters;
    }

    private static byte[] body(Message m) throws JMSException {
        if (m instanceof BytesMessage b) {
            byte[] bytes = new byte[(int) b.getBodyLength()];
            b.readBytes(bytes);
            return bytes;
        }
        if (m instanceof TextMessage t && t.getText() != null) {
            return t.getText().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    private static String safe(String value) {
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid adapter or entry id: " + value);
        }
        return value;
    }

    /** Work done in the transaction that takes an entry off the quarantine. */
    public interface SessionWork {
        void run(Session session) throws JMSException;
    }
}
