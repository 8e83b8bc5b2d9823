package io.cemhub.subscription;

import io.cemhub.broker.BrokerProperties;
import io.cemhub.broker.HubAddresses;
import io.cemhub.broker.SubscriberPermissions;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Each subscriber's broker side, made with Artemis' core API so that it works the same on the embedded
 * and on an external broker: a durable queue {@code cem.sub.<id>} bound to the multicast address
 * cem.events with the subscription's query as its filter (the broker selects, and pages to disk when the
 * subscriber lags), and an anycast dead-letter queue {@code cem.sub.<id>.dlq}.
 */
public class SubscriptionQueues {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionQueues.class);
    /** Artemis' default management address (management-address in broker.xml). */
    private static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final ActiveMQConnectionFactory factory;
    private final BrokerProperties broker;
    private final SubscriberPermissions permissions;

    public SubscriptionQueues(ActiveMQConnectionFactory factory, BrokerProperties broker, SubscriberPermissions permissions) {
        this.factory = factory;
        this.broker = broker;
        this.permissions = permissions;
    }

    /** Creates the queues, or brings an existing queue's filter up to date without losing what it holds. */
    public void ensure(Subscription s) {
        String filter = EventQuery.parse(s.query()).artemisFilter();
        withSession(session -> {
            ClientSession.QueueQuery existing = session.queueQuery(SimpleString.of(s.queue()));
            if (!existing.isExists()) {
                session.createQueue(QueueConfiguration.of(s.queue()).setAddress(HubAddresses.EVENTS)
                        .setRoutingType(RoutingType.MULTICAST).setFilterString(filter).setDurable(true));
            } else if (!Objects.equals(text(existing.getFilterString()), filter)) {
                updateFilter(session, s, filter);
            }
            if (!session.queueQuery(SimpleString.of(s.deadLetterQueue())).isExists()) {
                session.createQueue(QueueConfiguration.of(s.deadLetterQueue()).setRoutingType(RoutingType.ANYCAST)
                        .setDurable(true));
            }
            return null;
        });
        if (s.channel() == Channel.JMS) {
            permissions.grant(s.id(), HubAddresses.EVENTS + "::" + s.queue());
        }
    }

    /** Deletes both queues and what they hold. */
    public void delete(Subscription s) {
        permissions.revoke(HubAddresses.EVENTS + "::" + s.queue());
        withSession(session -> {
            for (String queue : new String[] {s.queue(), s.deadLetterQueue()}) {
                if (session.queueQuery(SimpleString.of(queue)).isExists()) {
                    session.deleteQueue(SimpleString.of(queue));
                }
            }
            return null;
        });
    }

    /** Whether the subscriber's queue exists on the broker. */
    public boolean exists(Subscription s) {
        return withSession(session -> session.queueQuery(SimpleString.of(s.queue())).isExists());
    }

    /** Messages waiting in a queue (0 when it does not exist). */
    public long depth(String queue) {
        return withSession(session -> count(session, queue));
    }

    /** Messages waiting on a subscriber's queue and on its dead-letter queue, read in one session. */
    public long[] depths(Subscription s) {
        return withSession(session -> new long[] {count(session, s.queue()), count(session, s.deadLetterQueue())});
    }

    private static long count(ClientSession session, String queue) throws ActiveMQException {
        ClientSession.QueueQuery q = session.queueQuery(SimpleString.of(queue));
        return q.isExists() ? q.getMessageCount() : 0L;
    }

    /** The filter the broker applies to a subscriber's queue, or null. */
    public String filter(String queue) {
        return withSession(session -> text(session.queueQuery(SimpleString.of(queue)).getFilterString()));
    }

    private void updateFilter(ClientSession session, Subscription s, String filter) throws Exception {
        // Through the broker's management address, so that what the queue holds stays.
        try (ClientRequestor requestor = new ClientRequestor(session, MANAGEMENT_ADDRESS)) {
            ClientMessage request = session.createMessage(false);
            String config = QueueConfiguration.of(s.queue()).setAddress(HubAddresses.EVENTS)
                    .setRoutingType(RoutingType.MULTICAST).setFilterString(filter == null ? "" : filter).toJSON();
            ManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, "updateQueue", config);
            session.start();
            ClientMessage reply = requestor.request(request, 10_000);
            if (reply == null || !ManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("the broker did not update the filter of " + s.queue() + ": "
                        + (reply == null ? "no answer" : ManagementHelper.getResult(reply)));
            }
        }
        LOG.info("Subscription {}: filter of {} is now {}", s.id(), s.queue(), filter);
    }

    private static String text(SimpleString s) {
        return s == null || s.toString().isEmpty() ? null : s.toString();
    }

    private <T> T withSession(BrokerCall<T> call) {
        try (ClientSessionFactory sessions = factory.getServerLocator().createSessionFactory();
             ClientSession session = sessions.createSession(broker.getUser(), broker.getPassword(), false, true, true,
                     false, 0)) {
            return call.run(session);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the broker refused a subscription queue operation: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface BrokerCall<T> {
        T run(ClientSession session) throws ActiveMQException, Exception;
    }
}
