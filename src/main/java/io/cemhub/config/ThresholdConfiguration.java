package io.cemhub.config;

import io.cemhub.kpi.KpiCatalogue;
import io.cemhub.pipeline.EventFactory;
import io.cemhub.identity.IdentityResolver;
import io.cemhub.pipeline.EventPublisher;
import io.cemhub.threshold.AlarmEvents;
import io.cemhub.threshold.AlarmService;
import io.cemhub.threshold.Backtest;
import io.cemhub.threshold.ThresholdMeters;
import io.cemhub.threshold.ThresholdOperations;
import io.cemhub.threshold.AlarmStore;
import io.cemhub.threshold.FlapPolicy;
import io.cemhub.threshold.MeasurementRecorder;
import io.cemhub.threshold.MeasurementRetention;
import io.cemhub.threshold.MeasurementRetentionRoute;
import io.cemhub.threshold.MeasurementStore;
import io.cemhub.threshold.NoDataAlarms;
import io.cemhub.threshold.NoDataMonitor;
import io.cemhub.threshold.NoDataMonitorRoute;
import io.cemhub.threshold.NoDataStore;
import io.cemhub.threshold.RuleService;
import io.cemhub.threshold.RuleStore;
import io.cemhub.threshold.RuleValidator;
import io.cemhub.threshold.SilenceService;
import io.cemhub.threshold.ThresholdEngine;
import io.cemhub.threshold.ThresholdEvaluator;
import io.cemhub.threshold.ThresholdProperties;
import io.cemhub.threshold.ThresholdStateStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The threshold engine, its stores and the evaluators it adds to the pipeline. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ThresholdConfiguration {

    @Bean
    public RuleService ruleService(JdbcTemplate jdbc, CoreConfiguration.CanonicalJson json, KpiCatalogue kpis,
                                   Clock clock, ThresholdProperties properties, ConfigFiles files) {
        RuleService rules = new RuleService(new RuleStore(jdbc, json.mapper()), new RuleValidator(kpis), clock,
                properties.getRefresh());
        rules.seed(files);
        return rules;
    }

    @Bean
    public AlarmStore alarmStore(JdbcTemplate jdbc, CoreConfiguration.CanonicalJson json) {
        return new AlarmStore(jdbc, json.mapper());
    }

    @Bean
    public MeasurementStore measurementStore(JdbcTemplate jdbc) {
        return new MeasurementStore(jdbc);
    }

    @Bean
    public MeasurementRetention measurementRetention(MeasurementStore store, Clock clock, ThresholdProperties properties) {
        return new MeasurementRetention(store, clock, properties.getRetention());
    }

    /** The retention's timer route: a run-once route (cem.cluster.run-once-routes). */
    @Bean
    public MeasurementRetentionRoute measurementRetentionRoute(MeasurementRetention retention,
                                                               ThresholdProperties properties) {
        return new MeasurementRetentionRoute(retention, properties.getRetentionCheck());
    }

    @Bean
    public SilenceService silenceService(JdbcTemplate jdbc, Clock clock, ThresholdProperties properties) {
        return new SilenceService(jdbc, clock, properties.getRefresh());
    }

    @Bean
    public AlarmService alarmService(AlarmStore store, AlarmEvents events, EventPublisher publisher,
                                     CachingConnectionFactory producerConnectionFactory, ThresholdMeters meters,
                                     Clock clock) {
        JmsTemplate template = new JmsTemplate(producerConnectionFactory);
        template.setSessionTransacted(true);
        return new AlarmService(store, events, publisher, template, meters, clock);
    }

    @Bean
    public Backtest backtest(MeasurementStore measurements, IdentityResolver identity) {
        return new Backtest(measurements, identity);
    }

    @Bean
    public ThresholdOperations thresholdOperations(RuleService rules, CoreConfiguration.CanonicalJson json) {
        return new ThresholdOperations(rules, json.mapper());
    }

    @Bean
    public AlarmEvents alarmEvents(EventFactory events) {
        return new AlarmEvents(events);
    }

    @Bean
    @Order(10)
    @ConditionalOnProperty(name = "cem.thresholds.store-measurements", havingValue = "true", matchIfMissing = true)
    public MeasurementRecorder measurementRecorder(MeasurementStore store) {
        return new MeasurementRecorder(store);
    }

    @Bean
    @Order(20)
    public ThresholdEvaluator thresholdEvaluator(RuleService rules, JdbcTemplate jdbc, CoreConfiguration.CanonicalJson json,
                                                 AlarmStore alarms, AlarmEvents events, SilenceService silences,
                                                 NoDataAlarms noData, Clock clock, ThresholdProperties properties,
                                                 ThresholdMeters meters) {
        ThresholdEngine engine = new ThresholdEngine(new FlapPolicy(properties.getFlapMaxTransitions(),
                properties.getFlapWindow()));
        return new ThresholdEvaluator(rules, new ThresholdStateStore(jdbc, json.mapper()), alarms, engine, events,
                silences, noData, clock, meters);
    }

    @Bean
    public NoDataAlarms noDataAlarms(JdbcTemplate jdbc, AlarmStore alarms, AlarmEvents events, ThresholdMeters meters,
                                     Clock clock) {
        return new NoDataAlarms(new NoDataStore(jdbc), alarms, events, meters, clock);
    }

    @Bean
    public ThresholdMeters thresholdMeters(MeterRegistry meters) {
        return new ThresholdMeters(meters);
    }

    /** The no-data check (rules with noDataSeconds): a timer route, run once (on the elected leader). */
    @Bean
    public NoDataMonitorRoute noDataMonitorRoute(RuleService rules, JdbcTemplate jdbc, NoDataAlarms alarms,
                                                 SilenceService silences, EventPublisher publisher,
                                                 CachingConnectionFactory producerConnectionFactory,
                                                 TransactionTemplate transaction, Clock clock,
                                                 ThresholdProperties properties) {
        JmsTemplate template = new JmsTemplate(producerConnectionFactory);
        template.setSessionTransacted(true);
        NoDataMonitor monitor = new NoDataMonitor(rules, new NoDataStore(jdbc), alarms, silences, publisher, template,
                transaction, clock);
        return new NoDataMonitorRoute(monitor, properties.getNoDataCheck());
    }
}
