package io.cemhub.config;

import io.cemhub.identity.HeldRecordReleaser;
import io.cemhub.identity.HeldRecordStore;
import io.cemhub.identity.HoldPolicy;
import io.cemhub.identity.HoldSweepRoute;
import io.cemhub.identity.IdentityProperties;
import io.cemhub.identity.UnknownIdLookup;
import io.cemhub.identity.IdentityResolver;
import io.cemhub.identity.RegistryRepository;
import io.cemhub.identity.RegistryService;
import io.cemhub.ingest.CanonicalJmsIngestProcessor;
import io.cemhub.ingest.CanonicalJmsIngestRoute;
import io.cemhub.ingest.DrainingJmsListenerContainer;
import io.cemhub.ingest.JmsDrain;
import io.cemhub.ingest.IngestProperties;
import io.cemhub.ingest.IngestBatchCodec;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.broker.HubAddresses;
import io.cemhub.pipeline.CheckpointAcks;
import io.cemhub.pipeline.CheckpointStore;
import io.cemhub.pipeline.DecodeStage;
import io.cemhub.pipeline.EnrichStage;
import io.cemhub.pipeline.EvaluateStage;
import io.cemhub.pipeline.Evaluator;
import io.cemhub.pipeline.EventFactory;
import io.cemhub.pipeline.EventPublisher;
import io.cemhub.pipeline.HoldWriter;
import io.cemhub.pipeline.HubErrorHandling;
import io.cemhub.pipeline.IngestPipelineRoute;
import io.cemhub.pipeline.PipelineProperties;
import io.cemhub.pipeline.PublishStage;
import io.cemhub.pipeline.ResolveStage;
import io.cemhub.quarantine.QuarantineProcessor;
import io.cemhub.quarantine.QuarantineService;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.component.jms.MessageListenerContainerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The registry, the pipeline stages and the hub's own routes. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean
    public RegistryRepository registryRepository(JdbcTemplate jdbc) {
        return new RegistryRepository(jdbc);
    }

    @Bean
    public IdentityResolver identityResolver(RegistryRepository repository, IdentityProperties properties) {
        return new IdentityResolver(repository, properties);
    }

    @Bean
    public RegistryService registryService(RegistryRepository repository, IdentityResolver resolver,
                                           ApplicationEventPublisher events) {
        return new RegistryService(repository, resolver, events);
    }

    @Bean
    public HoldPolicy holdPolicy(IdentityProperties properties) {
        return new HoldPolicy(properties);
    }

    @Bean
    public HeldRecordStore heldRecordStore(JdbcTemplate jdbc) {
        return new HeldRecordStore(jdbc);
    }

    @Bean
    public HeldRecordReleaser heldRecordReleaser(HeldRecordStore store, IdentityResolver resolver, HoldPolicy policy,
                                                 IngestGateway gateway, IngestBatchCodec codec,
                                                 ObjectProvider<UnknownIdLookup> lookup, Clock clock, MeterRegistry meters) {
        return new HeldRecordReleaser(store, resolver, policy, gateway, codec, lookup.getIfAvailable(() -> UnknownIdLookup.NONE),
                clock, meters);
    }

    @Bean
    public HoldSweepRoute holdSweepRoute(HeldRecordReleaser releaser) {
        return new HoldSweepRoute(releaser);
    }

    @Bean
    public EventPublisher eventPublisher(CoreConfiguration.CanonicalJson json, PipelineProperties pipeline) {
        return new EventPublisher(json.mapper(), pipeline.getEventsTopic());
    }

    @Bean
    public CheckpointStore checkpointStore(JdbcTemplate jdbc) {
        return new CheckpointStore(jdbc);
    }

    @Bean
    public EventFactory eventFactory(Clock clock) {
        return new EventFactory(clock);
    }

    @Bean
    public QuarantineService quarantineService(CachingConnectionFactory producerConnectionFactory,
                                               MeterRegistry meters, Clock clock) {
        JmsTemplate template = new JmsTemplate(producerConnectionFactory);
        template.setSessionTransacted(true);
        return new QuarantineService(HubAddresses.QUARANTINE, template, meters, clock);
    }

    @Bean
    public HubErrorHandling hubErrorHandling(QuarantineService quarantine) {
        return new HubErrorHandling(new QuarantineProcessor(quarantine));
    }

    @Bean
    public IngestPipelineRoute ingestPipelineRoute(IngestBatchCodec codec, IdentityResolver resolver, HoldPolicy hold,
                                                   HeldRecordStore held, EventFactory events,
                                                   ObjectProvider<Evaluator> evaluators,
                                                   CoreConfiguration.CanonicalJson json, PipelineProperties pipeline,
                                                   MeterRegistry meters, CheckpointStore checkpoints, EventPublisher publisher,
                                                   TransactionTemplate transaction, Clock clock,
                                                   QuarantineService quarantine) {
        return new IngestPipelineRoute(
                new DecodeStage(codec, quarantine, JmsDrain.summary(meters, IngestPipelineRoute.ROUTE_ID)),
                new ResolveStage(resolver, hold, meters),
                new EnrichStage(),
                new EvaluateStage(events, evaluators.orderedStream().toList(), checkpoints, transaction, json.mapper(),
                        new HoldWriter(held, codec, clock), new CheckpointAcks(), pipeline.getCheckpointHorizon()),
                new PublishStage(publisher, meters, clock));
    }

    @Bean
    public CanonicalJmsIngestRoute canonicalJmsIngestRoute(CoreConfiguration.CanonicalJson json, IngestGateway gateway,
                                                           QuarantineService quarantine, MeterRegistry meters) {
        return new CanonicalJmsIngestRoute(new CanonicalJmsIngestProcessor(json.mapper(), gateway, quarantine, meters));
    }

    @Bean(IngestPipelineRoute.DRAIN)
    public MessageListenerContainerFactory cemPipelineDrain(PipelineProperties pipeline) {
        return DrainingJmsListenerContainer.factory(pipeline.drain());
    }

    @Bean(DrainingJmsListenerContainer.BEAN)
    public MessageListenerContainerFactory cemJmsDrain(IngestProperties ingest) {
        return DrainingJmsListenerContainer.factory(ingest.jmsDrain());
    }
}
