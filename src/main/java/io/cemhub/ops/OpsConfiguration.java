package io.cemhub.ops;

import io.cemhub.adapter.AdapterCatalog;
import io.cemhub.adapter.AdapterMetrics;
import io.cemhub.broker.BrokerProperties;
import io.cemhub.subscription.SubscriptionService;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics read from the broker and health components of the hub's own (docs/operations.md). The health
 * components take their names from the bean names: {@code broker}, {@code adapters}.
 */
@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

    @Bean
    public BrokerQueueDepths brokerQueueDepths(ActiveMQConnectionFactory connectionFactory, BrokerProperties broker,
                                               MeterRegistry meters, MetricsProperties metrics) {
        return new BrokerQueueDepths(connectionFactory, broker, meters, metrics.getQueuePrefix());
    }

    @Bean
    public SubscriptionMeters subscriptionMeters(SubscriptionService subscriptions, BrokerQueueDepths queues,
                                                 MeterRegistry meters) {
        return new SubscriptionMeters(subscriptions, queues, meters);
    }

    @Bean
    public OpsSampler opsSampler(BrokerQueueDepths queues, SubscriptionMeters subscriptions, AdapterCatalog catalog,
                                 AdapterMetrics adapterMetrics) {
        return new OpsSampler(queues, subscriptions, catalog, adapterMetrics);
    }

    @Bean
    public BrokerHealthIndicator brokerHealthIndicator(ObjectProvider<EmbeddedActiveMQ> embedded,
                                                       ActiveMQConnectionFactory connectionFactory,
                                                       BrokerProperties broker) {
        return new BrokerHealthIndicator(embedded, connectionFactory, broker);
    }

    @Bean
    public AdapterHealth adaptersHealthContributor(AdapterCatalog catalog, AdapterMetrics metrics,
                                                   HealthProperties limits) {
        return new AdapterHealth(catalog, metrics, limits);
    }
}
