package io.cemhub.ingest;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.camel.component.jms.DefaultJmsMessageListenerContainer;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.MessageListenerContainerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Camel's listener container, taking up to {@code maxMessages} messages per transaction: after the
 * message it waited for, it goes on receiving in the same transacted session within the {@link Limits},
 * and leaves the messages it drained to the route through {@link JmsDrain}. The
 * route commits or rolls back all of them at once; a route that did not claim them fails the
 * transaction, so a drained message is never acknowledged unprocessed.
 *
 * <p>Why: one persistent JMS message per record made a broker commit and a pipeline transaction per
 * record (issue 10: 272 records/s end to end). A redelivered message ({@code JMSXDeliveryCount} > 1)
 * is taken alone, so a message that keeps failing its transaction reaches the dead-letter queue by
 * itself and does not take others with it.
 */
public class DrainingJmsListenerContainer extends DefaultJmsMessageListenerContainer {

    /**
     * The factory's bean name, for a JMS route's {@code messageListenerContainerFactory=#cemJmsDrain}; only for
     * routes whose last step claims the drained messages (the canonical entry, {@code cemIngest}).
     */
    public static final String BEAN = "cemJmsDrain";

    private final Limits limits;

    public DrainingJmsListenerContainer(JmsEndpoint endpoint, Limits limits) {
        super(endpoint);
        this.limits = limits;
    }

    /**
     * When a drain stops: at {@code maxMessages} messages, at {@code maxBytes} of bodies, when no next message
     * came within {@code linger} (0: only what is buffered already), or {@code maxWait} after the first.
     * Lingering a few milliseconds makes drains of hundreds of messages out of a steady flow that the
     * consumers would otherwise take a few at a time; {@code maxWait} bounds what it adds to latency.
     */
    public record Limits(int maxMessages, long maxBytes, Duration linger, Duration maxWait) {
        public Limits {
            if (maxMessages < 1 || maxBytes < 1) {
                throw new IllegalArgumentException("a drain takes at least one message and one byte");
            }
            if (linger.isNegative() || maxWait.isNegative()) {
                throw new IllegalArgumentException("the drain's linger and max wait cannot be negative");
            }
        }
    }

    /** For an endpoint's {@code messageListenerContainerFactory} option. */
    public static MessageListenerContainerFactory factory(Limits limits) {
        return endpoint -> new DrainingJmsListenerContainer(endpoint, limits);
    }

    @Override
    protected Message receiveMessage(MessageConsumer consumer) throws JMSException {
        Message first = super.receiveMessage(consumer);
        List<Message> drained = new ArrayList<>();
        try {
            long bytes = first == null ? 0 : size(first);
            long deadline = System.nanoTime() + limits.maxWait().toNanos();
            while (first != null && !isRedelivery(first) && drained.size() + 1 < limits.maxMessages()
                    && bytes < limits.maxBytes()) {
                long left = Math.min(limits.linger().toMillis(), (deadline - System.nanoTime()) / 1_000_000);
                Message next = left > 0 ? consumer.receive(left) : consumer.receiveNoWait();
                if (next == null) {
                    break;
                }
                drained.add(next);
                bytes += size(next);
                if (isRedelivery(next)) {
                    break; // it comes alone next time if this transaction fails
                }
            }
        } finally {
            JmsDrain.hold(drained);
        }
        return first;
    }

    @Override
    protected void invokeListener(Session session, Message message) throws JMSException {
        super.invokeListener(session, message);
        int unclaimed = JmsDrain.discardUnclaimed();
        if (unclaimed > 0) {
            throw new IllegalStateException("the route did not process " + unclaimed
                    + " messages taken with this one: the transaction is rolled back and they come again");
        }
    }

    @Override
    protected void doExecuteListener(Session session, Message message) throws JMSException {
        try {
            super.doExecuteListener(session, message);
        } finally {
            JmsDrain.discardUnclaimed(); // rolled back (e.g. stopping): nothing may linger on this thread
            JmsDrain.discardAfterCommit();
        }
    }

    @Override
    protected void commitIfNecessary(Session session, Message message) throws JMSException {
        super.commitIfNecessary(session, message);
        JmsDrain.committed(); // reached only when the commit did not throw
    }

    static boolean isRedelivery(Message message) throws JMSException {
        return message.getJMSRedelivered() || deliveryCount(message) > 1;
    }

    private static int deliveryCount(Message message) throws JMSException {
        return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
    }

    private static long size(Message message) throws JMSException {
        if (message instanceof jakarta.jms.BytesMessage bytes) {
            return bytes.getBodyLength();
        }
        if (message instanceof jakarta.jms.TextMessage text) {
            String body = text.getText();
            return body == null ? 0 : body.length();
        }
        return 0;
    }
}
