package io.cemhub.adapter;

import io.cemhub.broker.HubAddresses;
import io.cemhub.config.CoreConfiguration;
import io.cemhub.identity.IdentityResolver;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.quarantine.QuarantineService;
import io.cemhub.quarantine.QuarantineStore;
import io.cemhub.ops.HealthProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The adapter framework's beans. The names in quotes are what Kamelets and routes refer to:
 * {@code cemAdapterEntry} (first step), {@code cemIngest} (last step), {@code cemContentHash} and
 * {@code cemFileHashes} (the file routes' idempotent consumer).
 */
@Configuration(proxyBeanMethods = false)
public class AdapterConfiguration {

    /** Created with the other singletons, so before Camel loads routes at context refresh. */
    @Bean
    public AdapterFolders adapterFolders(AdapterProperties adapters) {
        return new AdapterFolders(adapters);
    }

    /** Mappings see the registry's contracted values through the identity cache ($contracted). */
    @Bean
    public MappingRegistry mappingRegistry(AdapterProperties adapters, CoreConfiguration.CanonicalJson json,
                                           IdentityResolver identities) {
        ContractedValues contracted = (system, serviceId, name) -> system == null || serviceId == null ? null
                : identities.service(system, serviceId).map(s -> s.service().characteristics().get(name)).orElse(null);
        return new MappingRegistry(Path.of(adapters.getMappingsDir()), json.mapper(), contracted);
    }

    @Bean
    public AdapterPipeline adapterPipeline(MappingRegistry mappings, CoreConfiguration.CanonicalJson json,
                                           IngestGateway gateway) {
        return new AdapterPipeline(new InputParsers(json.mapper()), mappings, gateway);
    }

    @Bean
    public AdapterMetrics adapterMetrics(MeterRegistry meters, Clock clock, HealthProperties health) {
        return new AdapterMetrics(meters, clock, health.getAdapterWindow());
    }

    @Bean("cemAdapterEntry")
    public AdapterEntry cemAdapterEntry() {
        return new AdapterEntry();
    }

    @Bean("cemIngest")
    public AdapterIngest cemIngest(AdapterPipeline pipeline, IngestGateway gateway, QuarantineService quarantine,
                                   CachingConnectionFactory producerConnectionFactory, AdapterMetrics metrics,
                                   CoreConfiguration.CanonicalJson json) {
        JmsTemplate template = new JmsTemplate(producerConnectionFactory);
        template.setSessionTransacted(true);
        return new AdapterIngest(pipeline, gateway, quarantine, template, metrics, json.mapper());
    }

    @Bean("cemContentHash")
    public ContentHash cemContentHash() {
        return new ContentHash();
    }

    /** Persisted under cem.data-dir, so a file dropped again after a restart is still recognised. */
    @Bean("cemFileHashes")
    public IdempotentRepository cemFileHashes(AdapterProperties adapters) {
        return FileIdempotentRepository.fileIdempotentRepository(new File(adapters.getFileHashes()), 100_000,
                64L * 1024 * 1024);
    }

    @Bean
    public QuarantineStore quarantineStore(ActiveMQConnectionFactory connectionFactory) {
        return new QuarantineStore(connectionFactory, HubAddresses.QUARANTINE);
    }

    @Bean
    public QuarantineReplay quarantineReplay(QuarantineStore store, AdapterPipeline pipeline, IngestGateway gateway,
                                             AdapterMetrics metrics) {
        return new QuarantineReplay(store, pipeline, gateway, metrics);
    }

    @Bean
    public AdapterCatalog adapterCatalog(AdapterProperties adapters, CamelContext camel, AdapterMetrics metrics) {
        return new AdapterCatalog(Path.of(adapters.getDir()), camel, metrics);
    }
}
