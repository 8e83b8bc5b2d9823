package io.cemhub.badinput;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads the quarantine (and the dead-letter queue) without consuming: the entries whose payload is, byte
 * for byte, what a case sent, or contains its marker. Several cases may send the same bytes (an empty
 * body to three entries), so a case looks for one entry more than before it ran.
 */
final class QuarantineProbe {

    static final String QUARANTINE = "cem.quarantine";

    private final ConnectionFactory factory;
    private final long since;

    QuarantineProbe(ConnectionFactory factory) {
        this(factory, 0);
    }

    private QuarantineProbe(ConnectionFactory factory, long since) {
        this.factory = factory;
        this.since = since;
    }

    /**
     * The same probe, seeing only the quarantine entries kept from {@code millis} on (by their
     * {@code cemQuarantinedAt}, the hub's clock, the test's too): a case need not read every entry before it.
     */
    QuarantineProbe since(long millis) {
        return new QuarantineProbe(factory, millis);
    }

    /** An entry: its payload, its reason and its adapter. */
    record Entry(byte[] payload, String reason, String adapter, String origin) {
        boolean contains(String marker) {
            return new String(payload, StandardCharsets.UTF_8).contains(marker);
        }
    }

    List<Entry> matching(String queue, byte[] payload) {
        return browse(queue).stream().filter(e -> Arrays.equals(e.payload, payload)).toList();
    }

    List<Entry> containing(String queue, String marker) {
        return browse(queue).stream().filter(e -> e.contains(marker)).toList();
    }

    List<Entry> browse(String queue) {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            QueueBrowser browser = since > 0 && QUARANTINE.equals(queue)
                    ? session.createBrowser(session.createQueue(queue), "cemQuarantinedAt >= " + since)
                    : session.createBrowser(session.createQueue(queue));
            List<Entry> entries = new ArrayList<>();
            for (Object o : Collections.list(browser.getEnumeration())) {
                Message m = (Message) o;
                entries.add(new Entry(body(m), m.getStringProperty("cemReason"), m.getStringProperty("cemAdapter"),
                        m.getStringProperty("cemOrigin")));
            }
            return entries;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] body(Message m) throws JMSException {
        if (m instanceof BytesMessage b) {
            // a large message may come in parts: readBytes fills what it has, so read until the body is whole
            byte[] bytes = new byte[(int) b.getBodyLength()];
            byte[] part = new byte[65536];
            int at = 0;
            for (int n; at < bytes.length && (n = b.readBytes(part)) > 0; at += n) {
                System.arraycopy(part, 0, bytes, at, Math.min(n, bytes.length - at));
            }
            return bytes;
        }
        if (m instanceof TextMessage t) {
            return t.getText() == null ? new byte[0] : t.getText().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }
}
