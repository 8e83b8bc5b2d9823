package io.cemhub.config;

import io.cemhub.broker.BrokerProperties;
import io.cemhub.broker.SubscriberPermissions;
import io.cemhub.cluster.HubCluster;
import org.springframework.beans.factory.ObjectProvider;
import io.cemhub.subscription.Channel;
import io.cemhub.subscription.DeadLetters;
import io.cemhub.subscription.EventSender;
import io.cemhub.subscription.GroupStore;
import io.cemhub.subscription.SoapSender;
import io.cemhub.subscription.SubscriberDeliveries;
import io.cemhub.subscription.SubscriptionFactory;
import io.cemhub.subscription.SubscriptionOperations;
import io.cemhub.subscription.SubscriptionProperties;
import io.cemhub.subscription.SubscriptionQueues;
import io.cemhub.subscription.SubscriptionService;
import io.cemhub.subscription.SubscriptionStore;
import io.cemhub.subscription.WebhookSender;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Subscribers: the broker queue of each (made before the pipeline runs, so none misses an event), and
 * their delivery over webhooks and SOAP (started once Camel runs).
 */
@Configuration(proxyBeanMethods = false)
public class SubscriptionConfiguration {

    @Bean
    public GroupStore groupStore(JdbcTemplate jdbc, CoreConfiguration.CanonicalJson json) {
        return new GroupStore(jdbc, json.mapper());
    }

    @Bean
    public SubscriberDeliveries subscriberDeliveries(CamelContext camel, GroupStore groups,
                                                     CachingConnectionFactory producerConnectionFactory,
                                                     SubscriptionProperties properties, Clock clock,
                                                     CoreConfiguration.CanonicalJson json,
                                                     ObjectProvider<HubCluster> cluster) {
        Map<Channel, EventSender> senders = new EnumMap<>(Channel.class);
        senders.put(Channel.WEBHOOK, new WebhookSender(properties.getTimeout(), clock));
        senders.put(Channel.SOAP, new SoapSender(json.mapper(), properties.getTimeout()));
        JmsTemplate template = new JmsTemplate(producerConnectionFactory);
        template.setSessionTransacted(true);
        // Without leader election (cem.cluster.enabled=false) the instance is alone and notifies its groups itself.
        HubCluster elected = cluster.getIfAvailable();
        return new SubscriberDeliveries(camel, senders, groups, template, properties, clock,
                elected == null ? () -> true : elected::isLeader);
    }

    @Bean
    public SubscriptionService subscriptionService(JdbcTemplate jdbc, CoreConfiguration.CanonicalJson json,
                                                   SubscriptionProperties properties, Clock clock,
                                                   ActiveMQConnectionFactory connectionFactory, BrokerProperties broker,
                                                   SubscriberDeliveries deliveries, GroupStore groups,
                                                   ConfigFiles files, Environment environment,
                                                   ObjectProvider<SubscriberPermissions> permissions) {
        SubscriptionService service = new SubscriptionService(new SubscriptionStore(jdbc, json.mapper()),
                new SubscriptionFactory(properties, clock), new SubscriptionQueues(connectionFactory, broker,
                        permissions.getIfAvailable(() -> SubscriberPermissions.NONE)), deliveries,
                groups);
        service.prepare(files, properties.getFile(), environment);
        return service;
    }

    @Bean
    public DeadLetters deadLetters(ActiveMQConnectionFactory connectionFactory) {
        return new DeadLetters(connectionFactory);
    }

    @Bean
    public SubscriptionOperations subscriptionOperations(SubscriptionService subscriptions, DeadLetters deadLetters,
                                                         CoreConfiguration.CanonicalJson json) {
        return new SubscriptionOperations(subscriptions, deadLetters, json.mapper());
    }

    /** Delivery starts once Camel runs. */
    @Bean
    public DeliveryStarter deliveryStarter(SubscriptionService subscriptions) {
        return new DeliveryStarter(subscriptions);
    }

    /**
     * Starts every subscription's delivery when the application has started, and keeps it up to date with
     * what other instances on the same database made or deleted.
     */
    public static final class DeliveryStarter {
        private static final Logger LOG = LoggerFactory.getLogger(DeliveryStarter.class);
        private final SubscriptionService subscriptions;

        DeliveryStarter(SubscriptionService subscriptions) {
            this.subscriptions = subscriptions;
        }

        @EventListener(ApplicationStartedEvent.class)
        public void start() throws Exception {
            subscriptions.startAll();
        }

        @Scheduled(initialDelayString = "${cem.subscriptions.sync-interval:10s}",
                fixedDelayString = "${cem.subscriptions.sync-interval:10s}")
        public void sync() {
            try {
                subscriptions.syncWithStore();
            } catch (Exception e) {
                LOG.warn("Subscriptions not brought up to date with the database (tried again in"
                        + " cem.subscriptions.sync-interval): {}", e.toString());
            }
        }
    }
}
