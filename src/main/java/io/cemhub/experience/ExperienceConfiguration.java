package io.cemhub.experience;

import io.cemhub.config.ConfigFiles;
import io.cemhub.config.CoreConfiguration;
import io.cemhub.kpi.KpiCatalogue;
import io.cemhub.pipeline.EventFactory;
import io.cemhub.pipeline.EventPublisher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The experience side (docs/experience.md): KPI rollups, SLA contracts, the experience index. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExperienceProperties.class)
public class ExperienceConfiguration {

    @Bean
    public RollupStore rollupStore(JdbcTemplate jdbc, ExperienceProperties properties, MeterRegistry meters) {
        RollupStore store = new RollupStore(jdbc, properties.getRollupCache());
        // one description for the three: Prometheus shows one HELP line per name
        String lookups = "rollup buckets the pipeline folded samples into: from its cache (hit), changed behind the"
                + " cache and read again (stale), read (miss)";
        FunctionCounter.builder("cem.rollup.cache.lookups", store, RollupStore::cacheHits).tag("result", "hit")
                .description(lookups).register(meters);
        FunctionCounter.builder("cem.rollup.cache.lookups", store, RollupStore::cacheStale).tag("result", "stale")
                .description(lookups).register(meters);
        FunctionCounter.builder("cem.rollup.cache.lookups", store, RollupStore::cacheMisses).tag("result", "miss")
                .description(lookups).register(meters);
        Gauge.builder("cem.rollup.cache.entries", store, RollupStore::cacheSize)
                .description("rollup buckets in the pipeline's cache (cem.experience.rollup-cache at most)").register(meters);
        return store;
    }

    /** After MeasurementRecorder (10, marks repeats), before the threshold engine (20). */
    @Bean
    @Order(12)
    public KpiRollupRecorder kpiRollupRecorder(RollupStore store) {
        return new KpiRollupRecorder(store);
    }

    @Bean
    public KpiHistory kpiHistory(RollupStore store, Clock clock) {
        return new KpiHistory(store, clock);
    }

    @Bean
    public SlaContracts slaContracts(ConfigFiles files, Environment environment, KpiCatalogue kpis,
                                     ExperienceProperties properties) {
        String file = properties.getSlaFile();
        return SlaContracts.load(files.open(file), files.describe(file), environment, kpis);
    }

    @Bean
    public SlaService slaService(JdbcTemplate jdbc, RollupStore rollups, SlaContracts contracts) {
        return new SlaService(jdbc, rollups, contracts);
    }

    @Bean
    public ActivityStore activityStore(JdbcTemplate jdbc, CoreConfiguration.CanonicalJson json) {
        return new ActivityStore(jdbc, json.mapper());
    }

    @Bean
    public ExperienceService experienceService(JdbcTemplate jdbc, RollupStore rollups, ActivityStore activity,
                                               SlaContracts contracts, ExperienceProperties properties, EventFactory events,
                                               EventPublisher publisher, CachingConnectionFactory producerConnectionFactory,
                                               TransactionTemplate transaction, CoreConfiguration.CanonicalJson json,
                                               Clock clock) {
        JmsTemplate template = new JmsTemplate(producerConnectionFactory);
        template.setSessionTransacted(true);
        return new ExperienceService(jdbc, rollups, activity, new ExperienceStore(jdbc), contracts,
                new ExperienceIndex(properties), properties, events, publisher, template, transaction, json.mapper(), clock);
    }

    @Bean
    public JobDetail experienceIndexJob() {
        return JobBuilder.newJob(ExperienceIndexJob.class).withIdentity("experience-index", "cem").storeDurably()
                .withDescription("recompute every customer's experience index").build();
    }

    @Bean
    public Trigger experienceIndexTrigger(JobDetail experienceIndexJob, ExperienceProperties properties) {
        return TriggerBuilder.newTrigger().forJob(experienceIndexJob).withIdentity("experience-index", "cem")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.getRecompute().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
