package io.cemhub.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * One load thread's JMS source, as a system feeding a JMS adapter queue would be: its own connection,
 * persistent messages, each send answered by the broker once the message is durable (Artemis blocks on a
 * durable send by default). One canonical record per message.
 */
final class JmsRecordSender implements AutoCloseable {

    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;

    JmsRecordSender(String brokerUrl, String queue) {
        try {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl,
                    System.getenv("CEM_BENCH_BROKER_USER"), System.getenv("CEM_BENCH_BROKER_PASSWORD"));
            connection = factory.createConnection();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot send to " + queue + " on " + brokerUrl + ": " + e.getMessage(), e);
        }
    }

    void send(byte[] body) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        producer.send(message);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            // the load is over; a broker that went away has nothing left to flush
        }
    }
}
