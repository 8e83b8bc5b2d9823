package io.cemhub.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cemhub.model.EventEnvelope;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;

import java.util.Collections;
import java.util.List;

/**
 * Publishes envelopes on the events topic as persistent JSON text messages, in the caller's transacted
 * session: the events of an ingest message and its acknowledgement commit together. Message properties
 * repeat the envelope's and context's key fields so that subscriptions can filter in the broker; the
 * message group is the service, so consumers that share a subscription keep per-service order.
 */
public class EventPublisher {

    private final ObjectWriter writer;
    private final String topic;

    public EventPublisher(ObjectMapper mapper, String topic) {
        this.writer = mapper.writerFor(EventEnvelope.class);
        this.topic = topic;
    }

    public void publish(Session session, List<EventEnvelope> envelopes, List<EventContext> contexts,
                        List<String> serviceIds, List<String> metrics) throws JMSException {
        MessageProducer producer = session.createProducer(session.createTopic(topic));
        try {
            for (int i = 0; i < envelopes.size(); i++) {
                producer.send(toMessage(session, envelopes.get(i), contexts.get(i), serviceIds.get(i), metrics.get(i)),
                        DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            }
        } finally {
            producer.close();
        }
    }

    /**
     * Publishes one event outside the pipeline (operator actions, the no-data monitor) and commits it at
     * once; called inside the caller's database transaction, so a broker that refuses it undoes the change.
     */
    public void publishAlone(JmsTemplate transactedProducer, EventEnvelope envelope, String serviceId, String metric) {
        publishAlone(transactedProducer, envelope, null, serviceId, metric);
    }

    /** As above, with the context whose customer, segment and tier become message properties (filters). */
    public void publishAlone(JmsTemplate transactedProducer, EventEnvelope envelope, EventContext context,
                             String serviceId, String metric) {
        transactedProducer.execute(session -> {
            publish(session, List.of(envelope), Collections.singletonList(context), Collections.singletonList(serviceId),
                    Collections.singletonList(metric));
            session.commit();
            return null;
        }, false);
    }

    private TextMessage toMessage(Session session, EventEnvelope e, EventContext ctx, String serviceId, String metric)
            throws JMSException {
        TextMessage message;
        try {
            message = session.createTextMessage(writer.writeValueAsString(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise event " + e.eventId(), ex);
        }
        message.setStringProperty("eventId", e.eventId());
        message.setStringProperty("eventType", e.eventType());
        message.setStringProperty("domain", e.domain());
        set(message, "sourceSystem", e.source());
        set(message, "serviceId", serviceId);
        set(message, "metric", metric);
        if (ctx != null) {
            set(message, "customerId", ctx.customerId());
            set(message, "segment", ctx.segment());
            set(message, "slaTier", ctx.slaTier());
            set(message, "serviceType", ctx.serviceType());
            set(message, "identity", ctx.identity());
        }
        Object alarm = e.event() instanceof java.util.Map<?, ?> payload ? payload.get("alarm") : null;
        if (alarm instanceof io.cemhub.model.Alarm a) {
            set(message, "perceivedSeverity", a.perceivedSeverity());
            set(message, "alarmState", a.state());
        } else if (alarm instanceof java.util.Map<?, ?> a) { // restored from a checkpoint
            set(message, "perceivedSeverity", (String) a.get("perceivedSeverity"));
            set(message, "alarmState", (String) a.get("state"));
        }
        if (serviceId != null) {
            message.setStringProperty("JMSXGroupID", serviceId);
        }
        return message;
    }

    private static void set(Message message, String name, String value) throws JMSException {
        if (value != null) {
            message.setStringProperty(name, value);
        }
    }
}
