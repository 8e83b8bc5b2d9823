package io.cemhub.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.experience.Fleet;
import io.cemhub.model.EventEnvelope;
import io.cemhub.pipeline.EventContext;
import io.cemhub.pipeline.EventFactory;
import io.cemhub.pipeline.EventPublisher;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;

import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Publishes the SLA events on cem.events (domain {@code sla}, with the customer's, segment's, tier's, service's
 * and metric's message properties for subscription filters) and a breach's compensation credit on the credits
 * queue: a breach's event and credit commit in one JMS transaction, inside the caller's database transaction.
 */
public class SlaEvents {

    public static final String WARNING_EVENT = "SlaBudgetWarningEvent";
    public static final String BREACH_EVENT = "SlaBreachEvent";
    public static final String DOMAIN = "sla";

    private final EventFactory events;
    private final EventPublisher publisher;
    private final JmsTemplate producer;
    private final ObjectMapper mapper;
    private final String creditsQueue;

    public SlaEvents(EventFactory events, EventPublisher publisher, JmsTemplate transactedProducer, ObjectMapper mapper,
                     String creditsQueue) {
        this.events = events;
        this.publisher = publisher;
        this.producer = transactedProducer;
        this.mapper = mapper;
        this.creditsQueue = creditsQueue;
    }

    /** The event id of a (type, service, KPI, month): a pass repeated after a crash sends the same id. */
    public static String eventId(String type, String serviceId, String metric, String month) {
        return EventFactory.stableId(type, serviceId, metric, month);
    }

    public void warning(SlaMonth.Series s, String eventId, Map<String, Object> body) {
        publisher.publishAlone(producer, envelope(s, eventId, WARNING_EVENT, "slaBudget", body), context(s),
                s.service().id(), s.metric());
    }

    /** The breach event and its credit, committed together. */
    public void breach(SlaMonth.Series s, String eventId, Map<String, Object> body, Map<String, Object> credit) {
        EventEnvelope envelope = envelope(s, eventId, BREACH_EVENT, "slaBreach", body);
        String creditJson = json(credit);
        producer.execute(session -> {
            publisher.publish(session, List.of(envelope), Collections.singletonList(context(s)),
                    List.of(s.service().id()), List.of(s.metric()));
            MessageProducer out = session.createProducer(session.createQueue(creditsQueue));
            try {
                TextMessage message = session.createTextMessage(creditJson);
                message.setStringProperty("creditId", (String) credit.get("creditId"));
                message.setStringProperty("customerId", s.service().customerId());
                message.setStringProperty("serviceId", s.service().id());
                message.setStringProperty("month", (String) credit.get("month"));
                out.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            } finally {
                out.close();
            }
            session.commit();
            return null;
        }, false);
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EventEnvelope envelope(SlaMonth.Series s, String eventId, String type, String key, Map<String, Object> body) {
        return events.envelope(eventId, type, s.service().id(), DOMAIN, "high", EventFactory.REPORTING_SYSTEM,
                Map.of(key, body));
    }

    private static EventContext context(SlaMonth.Series s) {
        Fleet.CustomerInfo c = s.customer();
        return new EventContext(EventContext.RESOLVED, s.service().customerId(), c == null ? null : c.name(),
                c == null ? null : c.segment(), c == null ? null : c.slaTier(), s.service().serviceType(), Map.of());
    }
}
