package io.cemhub.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSException;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * Subscribers over JMX (bean io.cemhub:type=Subscriptions), for operators in Hawtio: the delivery status
 * of every subscription, and replay of dead letters. Statuses are the JSON of the REST API.
 */
@ManagedResource(objectName = "io.cemhub:type=Subscriptions", description = "CEM Hub subscribers and their delivery")
public class SubscriptionOperations {

    private final SubscriptionService subscriptions;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    public SubscriptionOperations(SubscriptionService subscriptions, DeadLetters deadLetters, ObjectMapper mapper) {
        this.subscriptions = subscriptions;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @ManagedAttribute(description = "Every subscription's delivery status as JSON")
    public String getStatuses() throws JsonProcessingException {
        return mapper.writeValueAsString(subscriptions.all().stream().map(subscriptions::status).toList());
    }

    @ManagedAttribute(description = "Events waiting for all subscribers together")
    public long getPendingTotal() {
        return subscriptions.all().stream().mapToLong(s -> subscriptions.status(s).pending()).sum();
    }

    @ManagedAttribute(description = "Dead letters waiting for replay, all subscribers together")
    public long getDeadLetteredTotal() {
        return subscriptions.all().stream().mapToLong(s -> subscriptions.status(s).deadLettered()).sum();
    }

    @ManagedOperation(description = "One subscription's delivery status as JSON, or an empty string")
    @ManagedOperationParameter(name = "id", description = "subscription id")
    public String status(String id) throws JsonProcessingException {
        return subscriptions.find(id).map(subscriptions::status).map(this::json).orElse("");
    }

    @ManagedOperation(description = "Move all dead letters of a subscription back to its queue; answers how many")
    @ManagedOperationParameter(name = "id", description = "subscription id")
    public int replayDeadLetters(String id) throws JMSException {
        Subscription s = subscriptions.find(id).orElseThrow(() -> new IllegalArgumentException("no subscription " + id));
        return deadLetters.replay(s, null);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
