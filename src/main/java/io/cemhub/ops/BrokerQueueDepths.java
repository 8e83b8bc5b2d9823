package io.cemhub.ops;

import io.cemhub.broker.BrokerProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Depth and consumers of every hub queue on the broker (names starting with {@code cem.metrics.queue-prefix}),
 * read by {@link #sample()} in one core session: the queue names from the broker's management address,
 * then a queueQuery per queue, the same on the embedded and an external broker. Gauges
 * {@code cem.broker.queue.depth} and {@code cem.broker.queue.consumers} (tag {@code queue}) show the last
 * sample, so a Prometheus scrape never reaches the broker; a queue that disappears loses its gauges, and
 * while the broker cannot be read they show NaN.
 */
public class BrokerQueueDepths {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerQueueDepths.class);
    /** Artemis' default management address (management-address in broker.xml). */
    private static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final ActiveMQConnectionFactory factory;
    private final BrokerProperties broker;
    private final MeterRegistry meters;
    private final String prefix;
    private final Map<String, QueueSample> samples = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> gauges = new ConcurrentHashMap<>();
    private volatile boolean readable = true;

    public BrokerQueueDepths(ActiveMQConnectionFactory factory, BrokerProperties broker, MeterRegistry meters,
                             String prefix) {
        this.factory = factory;
        this.broker = broker;
        this.meters = meters;
        this.prefix = prefix;
    }

    /** Reads every hub queue's depth from the broker and updates the gauges. */
    public void sample() {
        Map<String, QueueSample> now;
        try {
            now = read();
        } catch (Exception e) {
            if (readable) {
                LOG.warn("Queue depths cannot be read from the broker ({}); the gauges show NaN until it answers",
                        e.getMessage());
            }
            readable = false;
            samples.replaceAll((queue, old) -> QueueSample.UNKNOWN);
            return;
        }
        if (!readable) {
            LOG.info("Queue depths are read from the broker again");
        }
        readable = true;
        samples.putAll(now);
        now.keySet().forEach(this::register);
        for (String gone : List.copyOf(gauges.keySet())) {
            if (!now.containsKey(gone)) {
                gauges.remove(gone).forEach(meters::remove);
                samples.remove(gone);
            }
        }
    }

    /** Messages on a queue at the last sample; 0 for a queue the broker does not have, NaN when unreadable. */
    public double depth(String queue) {
        QueueSample s = samples.get(queue);
        return s == null ? (readable ? 0 : Double.NaN) : s.messages();
    }

    private void register(String queue) {
        gauges.computeIfAbsent(queue, q -> List.of(
                Gauge.builder("cem.broker.queue.depth", samples, m -> m.getOrDefault(q, QueueSample.UNKNOWN).messages())
                        .tag("queue", q).description("messages on the queue at the last sample")
                        .register(meters),
                Gauge.builder("cem.broker.queue.consumers", samples,
                                m -> m.getOrDefault(q, QueueSample.UNKNOWN).consumers())
                        .tag("queue", q).description("consumers of the queue at the last sample").register(meters)));
    }

    private Map<String, QueueSample> read() throws Exception {
        try (ClientSessionFactory sessions = factory.getServerLocator().createSessionFactory();
             ClientSession session = sessions.createSession(broker.getUser(), broker.getPassword(), false, true, true,
                     false, 0)) {
            Map<String, QueueSample> found = new TreeMap<>();
            for (String queue : queueNames(session)) {
                if (queue.startsWith(prefix)) {
                    ClientSession.QueueQuery q = session.queueQuery(SimpleString.of(queue));
                    if (q.isExists()) {
                        found.put(queue, new QueueSample(q.getMessageCount(), q.getConsumerCount()));
                    }
                }
            }
            return found;
        }
    }

    private static List<String> queueNames(ClientSession session) throws Exception {
        try (ClientRequestor requestor = new ClientRequestor(session, MANAGEMENT_ADDRESS)) {
            ClientMessage request = session.createMessage(false);
            ManagementHelper.putAttribute(request, ResourceNames.BROKER, "queueNames");
            session.start();
            ClientMessage reply = requestor.request(request, 10_000);
            if (reply == null || !ManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("the broker did not list its queues: "
                        + (reply == null ? "no answer" : ManagementHelper.getResult(reply)));
            }
            List<String> names = new ArrayList<>();
            flatten(ManagementHelper.getResults(reply), names);
            return names;
        }
    }

    /** The answer is a JSON array (of one array of names) parsed to nested Object[]. */
    private static void flatten(Object value, List<String> into) {
        if (value instanceof Object[] values) {
            for (Object v : values) {
                flatten(v, into);
            }
        } else if (value != null) {
            into.add(value.toString());
        }
    }

    /** One queue at one sample. */
    private record QueueSample(double messages, double consumers) {
        static final QueueSample UNKNOWN = new QueueSample(Double.NaN, Double.NaN);
    }
}
