package io.cemhub.pipeline;

import org.apache.camel.builder.RouteBuilder;

/**
 * The pipeline: ingest queue -> decode -> resolve identity -> enrich -> evaluate -> publish. Each
 * consumer holds its JMS message groups (partitions) while it lives, so every service's records are
 * evaluated in order by one consumer, across all hub instances sharing the broker. A consumer takes the
 * message it waited for and those buffered behind it ({@code cem.pipeline.drain-*}); consuming them and
 * publishing their events are one local JMS transaction, their evaluation one database transaction.
 */
public class IngestPipelineRoute extends RouteBuilder {

    public static final String ROUTE_ID = "cem-pipeline";
    /** The listener container factory's bean: a consumer takes up to cem.pipeline.drain-messages per transaction. */
    public static final String DRAIN = "cemPipelineDrain";

    private final DecodeStage decode;
    private final ResolveStage resolve;
    private final EnrichStage enrich;
    private final EvaluateStage evaluate;
    private final PublishStage publish;

    public IngestPipelineRoute(DecodeStage decode, ResolveStage resolve, EnrichStage enrich, EvaluateStage evaluate,
                               PublishStage publish) {
        this.decode = decode;
        this.resolve = resolve;
        this.enrich = enrich;
        this.evaluate = evaluate;
        this.publish = publish;
    }

    @Override
    public void configure() {
        from("jms:queue:{{cem.ingest.queue:cem.ingest}}"
                + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER&exposeListenerSession=true"
                + "&concurrentConsumers={{cem.pipeline.consumers:4}}&maxConcurrentConsumers={{cem.pipeline.consumers:4}}"
                // many ingest messages per transaction (DrainingJmsListenerContainer); the decode stage claims them
                + "&messageListenerContainerFactory=#" + DRAIN)
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorHandling.ID)
                .autoStartup("{{cem.pipeline.auto-startup:true}}")
                .process(decode).id("decode")
                .process(resolve).id("resolve-identity")
                .process(enrich).id("enrich")
                .process(evaluate).id("evaluate")
                .process(publish).id("publish");
    }
}
