package io.cemhub.pipeline;

import org.apache.camel.builder.RouteBuilder;

/**
 * The pipeline: ingest queue -> decode -> resolve identity -> enrich -> evaluate -> publish. Each
 * consumer holds its JMS message groups (partitions) while it lives, so every service's records are
 * evaluated in order by one consumer, across all hub instances sharing the broker. Consuming a message
 * and publishing its events are one local JMS transaction.
 */
public class IngestPipelineRoute extends RouteBuilder {

    public static final String ROUTE_ID = "cem-pipeline";

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
                + "&concurrentConsumers={{cem.pipeline.consumers:4}}&maxConcurrentConsumers={{cem.pipeline.consumers:4}}")
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
