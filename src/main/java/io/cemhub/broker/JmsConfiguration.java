package io.cemhub.broker;

import io.cemhub.ingest.IngestBatchCodec;
import io.cemhub.ingest.IngestProperties;
import io.cemhub.ingest.JmsIngestSender;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/**
 * JMS wiring. Consumers (Camel's jms component) use the broker's connection factory directly, with
 * consumers kept open so that message groups stay pinned; producers on request threads go through a
 * session cache. Java deserialization of ObjectMessage is switched off: the hub speaks JSON only.
 */
@Configuration(proxyBeanMethods = false)
public class JmsConfiguration {

    @Bean
    @Primary
    public ActiveMQConnectionFactory connectionFactory(BrokerProperties broker,
                                                       ObjectProvider<EmbeddedActiveMQ> embeddedBroker) {
        embeddedBroker.ifAvailable(b -> { }); // the embedded broker, if any, starts first
        return newFactory(broker);
    }

    /**
     * The producers' connections (REST and adapter entries, quarantine, publishers) come from a factory of
     * their own. An Artemis connection factory holds its lock while it connects, and a connect that races
     * with a dying broker can wait there for the broker's topology up to the call timeout (30 s): a
     * listener container re-connecting at that moment held up every source's answer, which should be an
     * immediate 503 (BrokerKillTest).
     */
    static ActiveMQConnectionFactory newFactory(BrokerProperties broker) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.connectionUrl(), broker.getUser(),
                broker.getPassword());
        factory.setDeserializationAllowList("");
        factory.setDeserializationDenyList("*");
        // An ingest message of max-records-per-message records stays a normal (journaled) message.
        factory.setMinLargeMessageSize(1024 * 1024);
        // No reconnecting inside the client: with it, a call on a connection whose broker is gone blocks
        // until the broker is back, so REST ingest hung instead of answering 503 (BrokerKillTest). Failing fast
        // leaves recovery to who owns the connection: Camel's listener containers re-create theirs (every 5 s),
        // the producers' cache drops a failed connection and opens a new one on the next send.
        factory.setReconnectAttempts(0);
        return factory;
    }

    @Bean(destroyMethod = "destroy")
    public CachingConnectionFactory producerConnectionFactory(BrokerProperties broker,
                                                              ObjectProvider<EmbeddedActiveMQ> embeddedBroker) {
        embeddedBroker.ifAvailable(b -> { }); // the embedded broker, if any, starts first
        ActiveMQConnectionFactory own = newFactory(broker);
        // not a bean of its own (one ActiveMQConnectionFactory bean for the rest of the hub): closed with the cache
        CachingConnectionFactory caching = new CachingConnectionFactory(own) {
            @Override
            public void destroy() {
                super.destroy();
                own.close();
            }
        };
        caching.setSessionCacheSize(64);
        caching.setCacheProducers(true);
        caching.setReconnectOnException(true);
        return caching;
    }

    @Bean
    public JmsIngestSender jmsIngestSender(CachingConnectionFactory producerConnectionFactory,
                                           IngestProperties ingest, IngestBatchCodec codec, MeterRegistry meters) {
        JmsTemplate template = new JmsTemplate(producerConnectionFactory);
        template.setSessionTransacted(true);
        return new JmsIngestSender(template, ingest.getQueue(), codec, ingest.getMaxRecordsPerMessage(),
                ingest.getMaxRecordsPerCommit(), meters);
    }

    /** Camel's "jms" component; routes set transactions, concurrency and cache level per endpoint. */
    @Bean("jms")
    public JmsComponent jmsComponent(ActiveMQConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.setIncludeSentJMSMessageID(false);
        // A transacted consumer hands ITS session to the route, so that what the route sends commits with
        // the acknowledgement. Camel's default (false) gives the route a second session committed apart.
        jms.getConfiguration().setExposeListenerSession(true);
        return jms;
    }
}
