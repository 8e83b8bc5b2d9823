package io.cemhub.sla;

import io.cemhub.config.CoreConfiguration;
import io.cemhub.experience.SlaContracts;
import io.cemhub.kpi.KpiCatalogue;
import io.cemhub.pipeline.EventFactory;
import io.cemhub.pipeline.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/** Monthly SLA budgets: early warning, month end, compensation credits (docs/experience.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
public class SlaConfiguration {

    /** The route sla-compensation's check step (routes/sla-compensation.yaml). */
    @Bean("cemSlaCreditCheck")
    public SlaCredits slaCredits(CoreConfiguration.CanonicalJson json) {
        return new SlaCredits(json.mapper());
    }

    @Bean
    public SlaEvents slaEvents(EventFactory events, EventPublisher publisher, CachingConnectionFactory producerConnectionFactory,
                               CoreConfiguration.CanonicalJson json, SlaProperties properties) {
        JmsTemplate template = new JmsTemplate(producerConnectionFactory);
        template.setSessionTransacted(true);
        return new SlaEvents(events, publisher, template, json.mapper(), properties.getCreditsQueue());
    }

    @Bean
    public SlaStore slaStore(JdbcTemplate jdbc) {
        return new SlaStore(jdbc);
    }

    @Bean
    public SlaMonth slaMonth(JdbcTemplate jdbc, SlaStore store, SlaContracts contracts, KpiCatalogue kpis) {
        return new SlaMonth(jdbc, store, contracts, kpis);
    }

    @Bean
    public SlaBudgetWarnings slaBudgetWarnings(SlaMonth data, SlaEvents events, TransactionTemplate transaction,
                                               SlaProperties properties, MeterRegistry meters) {
        return new SlaBudgetWarnings(data, events, transaction, properties.getWarning(), meters);
    }

    @Bean
    public SlaMonthEnd slaMonthEnd(SlaMonth data, SlaEvents events, TransactionTemplate transaction,
                                   SlaProperties properties, MeterRegistry meters) {
        return new SlaMonthEnd(data, events, transaction, properties.getMonthEnd(), meters);
    }

    @Bean
    public JobDetail slaWarningJob() {
        return JobBuilder.newJob(SlaWarningJob.class).withIdentity("sla-early-warning", "cem").storeDurably()
                .withDescription("project every service's monthly SLA budget and warn before a breach").build();
    }

    @Bean
    public Trigger slaWarningTrigger(JobDetail slaWarningJob, SlaProperties properties) {
        return every(slaWarningJob, "sla-early-warning", properties.getWarning().getCheck());
    }

    @Bean
    public JobDetail slaMonthEndJob() {
        return JobBuilder.newJob(SlaMonthEndJob.class).withIdentity("sla-month-end", "cem").storeDurably()
                .withDescription("close the previous month: breaches and compensation credits").build();
    }

    @Bean
    public Trigger slaMonthEndTrigger(JobDetail slaMonthEndJob, SlaProperties properties) {
        return every(slaMonthEndJob, "sla-month-end", properties.getMonthEnd().getCheck());
    }

    /** First run one interval after start (a test's hub does not run a pass while it is being fed). */
    private static Trigger every(JobDetail job, String name, Duration interval) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(name, "cem")
                .startAt(java.util.Date.from(java.time.Instant.now().plus(interval)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
