package io.cemhub.snmp;

import io.cemhub.config.CoreConfiguration;
import io.cemhub.ingest.IngestGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** SNMP probes: the trap receiver ({@code cem.snmp.traps.enabled}) and the IF-MIB poller ({@code cem.snmp.polling.enabled}). */
@Configuration(proxyBeanMethods = false)
public class SnmpConfiguration {

    @Bean
    public TrapMetrics trapMetrics(MeterRegistry meters) {
        return new TrapMetrics(meters);
    }

    @Bean
    @ConditionalOnProperty(name = "cem.snmp.traps.enabled", havingValue = "true", matchIfMissing = true)
    public TrapBatcher trapBatcher(SnmpProperties snmp, ProducerTemplate producer, TrapMetrics metrics,
                                   CoreConfiguration.CanonicalJson json) {
        return new TrapBatcher(snmp.getTraps(), producer, metrics, json.mapper());
    }

    @Bean
    @ConditionalOnProperty(name = "cem.snmp.traps.enabled", havingValue = "true", matchIfMissing = true)
    public TrapReceiver trapReceiver(SnmpProperties snmp, TrapMetrics metrics, TrapBatcher batcher,
                                     CoreConfiguration.CanonicalJson json, Clock clock) {
        return new TrapReceiver(snmp.getTraps(), new TrapSecurity(snmp.getTraps()), metrics, batcher, json.mapper(),
                clock);
    }

    @Bean
    @ConditionalOnProperty(name = "cem.snmp.traps.enabled", havingValue = "true", matchIfMissing = true)
    public TrapLifecycle trapLifecycle(TrapReceiver receiver, TrapBatcher batcher) {
        return new TrapLifecycle(receiver, batcher);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "cem.snmp.polling.enabled", havingValue = "true", matchIfMissing = true)
    public IfMibPoller ifMibPoller(SnmpProperties snmp, Clock clock) throws IOException {
        return new IfMibPoller(snmp.getPolling().getTimeout(), snmp.getPolling().getRetries(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "cem.snmp.polling.enabled", havingValue = "true", matchIfMissing = true)
    public SnmpPolling snmpPolling(SnmpProperties snmp, IfMibPoller poller, IngestGateway gateway,
                                   CoreConfiguration.CanonicalJson json, MeterRegistry meters, Environment environment) {
        SnmpTargets targets = SnmpTargets.load(Path.of(snmp.getPolling().getTargetsFile()), environment);
        return new SnmpPolling(targets, poller, gateway, json.mapper(), meters);
    }

    @Bean
    @ConditionalOnProperty(name = "cem.snmp.polling.enabled", havingValue = "true", matchIfMissing = true)
    public SnmpPollRoute snmpPollRoute(SnmpPolling polling, SnmpProperties snmp) {
        return new SnmpPollRoute(polling, snmp.getPolling().getInterval());
    }
}
