package io.cemhub.pipeline;

import io.cemhub.model.EventEnvelope;
import io.cemhub.model.Measurement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Publishes every item's events, in order, in the transaction of the ingest message being consumed. */
public class PublishStage implements Processor {

    /** Upper bounds of the latency histogram's buckets (ms). */
    private static final Duration[] LATENCY_BUCKETS = Stream.of(10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000,
            60_000).map(Duration::ofMillis).toArray(Duration[]::new);

    private final EventPublisher publisher;
    private final Counter published;
    private final Counter records;
    private final Timer latency;
    private final Clock clock;

    public PublishStage(EventPublisher publisher, MeterRegistry meters, Clock clock) {
        this.publisher = publisher;
        this.published = meters.counter("cem.events.published");
        this.records = meters.counter("cem.pipeline.records");
        // Fixed buckets (not percentiles computed in the hub): Prometheus aggregates them over instances.
        this.latency = Timer.builder("cem.pipeline.latency")
                .description("from a record's receipt at the entry to the publication of its events")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(meters);
        this.clock = clock;
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
        long now = clock.millis();
        for (PipelineItem item : items) {
            Instant received = item.record().receivedAt();
            if (received != null) {
                latency.record(Math.max(0, now - received.toEpochMilli()), TimeUnit.MILLISECONDS);
            }
        }
    }
}
