package io.cemhub.support;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Sends to and browses (without consuming) the hub's queues, as an outside JMS client would. */
public final class BrokerProbe {

    private final ConnectionFactory factory;

    public BrokerProbe(ConnectionFactory factory) {
        this.factory = factory;
    }

    public void sendText(String queue, String body) {
        send(queue, session -> session.createTextMessage(body), m -> { });
    }

    public void sendBytes(String queue, byte[] body, Consumer<Message> properties) {
        send(queue, session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            return message;
        }, properties);
    }

    /** Entries of a queue whose body contains {@code marker}: body text and string properties. */
    public List<Entry> browse(String queue, String marker) {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            List<Entry> found = new ArrayList<>();
            QueueBrowser browser = session.createBrowser(session.createQueue(queue));
            for (Object o : Collections.list(browser.getEnumeration())) {
                Message m = (Message) o;
                String body = bodyOf(m);
                if (body.contains(marker)) {
                    java.util.HashMap<String, String> props = new java.util.HashMap<>();
                    for (Object name : Collections.list(m.getPropertyNames())) {
                        props.put((String) name, String.valueOf(m.getObjectProperty((String) name)));
                    }
                    found.add(new Entry(body, props));
                }
            }
            return found;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String queue, SessionFunction create, Consumer<Message> properties) {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            Message message = create.apply(session);
            properties.accept(message);
            producer.send(message);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bodyOf(Message m) throws JMSException {
        if (m instanceof TextMessage t) {
            return t.getText();
        }
        if (m instanceof BytesMessage b) {
            byte[] bytes = new byte[(int) b.getBodyLength()];
            b.readBytes(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return "";
    }

    public static void setProperty(Message m, String name, String value) {
        try {
            m.setStringProperty(name, value);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browsed message. */
    public record Entry(String body, Map<String, String> properties) {
    }

    private interface SessionFunction {
        Message apply(Session session) throws JMSException;
    }
}
