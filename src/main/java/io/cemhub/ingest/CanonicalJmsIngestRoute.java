package io.cemhub.ingest;

import io.cemhub.pipeline.HubErrorHandling;
import org.apache.camel.builder.RouteBuilder;

/**
 * Native JMS entry: canonical JSON (one record or an array; text or bytes messages) posted by OSS/BSS
 * systems on {@code cem.ingest.canonical}. Valid submissions move to the ingest queue in the same
 * transaction as the acknowledgement; invalid ones go to quarantine with the original body. Up to
 * {@code cem.ingest.jms-drain-messages} messages share one transaction (see DrainingJmsListenerContainer).
 */
public class CanonicalJmsIngestRoute extends RouteBuilder {

    public static final String ROUTE_ID = "cem-ingest-canonical-jms";

    private final CanonicalJmsIngestProcessor processor;

    public CanonicalJmsIngestRoute(CanonicalJmsIngestProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void configure() {
        from("jms:queue:{{cem.ingest.canonical-queue:cem.ingest.canonical}}"
                + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER&exposeListenerSession=true"
                + "&concurrentConsumers=2&maxConcurrentConsumers=2"
                // a sender's JMSReplyTo never makes the hub send anything back (Camel would answer with the body)
                + "&disableReplyTo=true"
                // many messages per transaction (DrainingJmsListenerContainer), the processor takes them all
                + "&messageListenerContainerFactory=#" + DrainingJmsListenerContainer.BEAN)
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorHandling.ID)
                .setProperty("cemAdapter", constant("jms-canonical"))
                .process(processor).id("validate-and-enqueue");
    }
}
