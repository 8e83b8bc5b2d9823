package io.cemhub.pipeline;

import io.cemhub.model.EventEnvelope;
import io.cemhub.model.Measurement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;

import java.util.ArrayList;
import java.util.List;

/** Publishes every item's events, in order, in the transaction of the ingest message being consumed. */
public class PublishStage implements Processor {

    private final EventPublisher publisher;
    private final Counter published;
    private final Counter records;

    public PublishStage(EventPublisher publisher, MeterRegistry meters) {
        this.publisher = publisher;
        this.published = meters.counter("cem.events.published");
        this.records = meters.counter("cem.pipeline.records");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws JMSException {
        List<PipelineItem> items = exchange.getMessage().getBody(List.class);
        List<EventEnvelope> envelopes = new ArrayList<>(items.size() + 4);
        List<EventContext> contexts = new ArrayList<>(items.size() + 4);
        List<String> serviceIds = new ArrayList<>(items.size() + 4);
        List<String> metrics = new ArrayList<>(items.size() + 4);
        for (PipelineItem item : items) {
            String serviceId = item.record().partitionKey();
            String metric = item.record() instanceof Measurement m ? m.metric() : null;
            for (EventEnvelope e : item.events()) {
                envelopes.add(e);
                contexts.add(item.context());
                serviceIds.add(serviceId);
                metrics.add(metric);
            }
        }
        JmsMessage in = exchange.getIn(JmsMessage.class);
        Session session = in == null ? null : in.getJmsSession();
        if (session == null || !session.getTransacted()) {
            throw new IllegalStateException("the publish stage must run in a transacted JMS consumer");
        }
        publisher.publish(session, envelopes, contexts, serviceIds, metrics);
        published.increment(envelopes.size());
        records.increment(items.size());
    }
}
