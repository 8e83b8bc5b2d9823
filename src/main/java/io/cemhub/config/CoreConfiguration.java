package io.cemhub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.ingest.IngestBatchCodec;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.ingest.IngestProperties;
import io.cemhub.ingest.JmsIngestSender;
import io.cemhub.ingest.Partitioner;
import io.cemhub.ingest.RecordValidator;
import io.cemhub.kpi.KpiCatalogue;
import io.cemhub.model.CemJson;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;

/** The canonical model's beans: JSON, the KPI catalogue, validation, partitioning and the ingest gateway. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CoreConfiguration.class);

    /** The canonical wire mapper; deliberately not an ObjectMapper bean, so Spring MVC keeps its own. */
    @Bean
    public CanonicalJson canonicalJson() {
        return new CanonicalJson(CemJson.newMapper());
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public ConfigFiles configFiles(HubProperties hub) {
        return new ConfigFiles(Path.of(hub.getConfigDir()));
    }

    @Bean
    public KpiCatalogue kpiCatalogue(ConfigFiles files) {
        KpiCatalogue catalogue = KpiCatalogue.load(files.open("kpis.yaml"), files.describe("kpis.yaml"));
        LOG.info("KPI catalogue: {} metrics from {}", catalogue.all().size(), files.describe("kpis.yaml"));
        return catalogue;
    }

    @Bean
    public RecordValidator recordValidator(CanonicalJson json, KpiCatalogue kpis, Clock clock, IngestProperties ingest) {
        return new RecordValidator(json.mapper(), kpis, clock, ingest.getMaxClockSkew());
    }

    @Bean
    public Partitioner partitioner(IngestProperties ingest) {
        return new Partitioner(ingest.getPartitions());
    }

    @Bean
    public IngestBatchCodec ingestBatchCodec(CanonicalJson json) {
        return new IngestBatchCodec(json.mapper());
    }

    @Bean
    public IngestGateway ingestGateway(RecordValidator validator, Partitioner partitioner, JmsIngestSender sender,
                                       IngestProperties ingest, MeterRegistry meters) {
        return new IngestGateway(validator, partitioner, sender, ingest, meters);
    }

    /** Holder of the canonical ObjectMapper. */
    public record CanonicalJson(ObjectMapper mapper) {
    }
}
