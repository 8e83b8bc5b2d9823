package io.cemhub.broker;

import io.cemhub.ingest.IngestProperties;
import io.cemhub.sla.SlaProperties;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import io.cemhub.security.HubAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The embedded ActiveMQ Artemis broker: persistent journal under {@code cem.broker.data-dir}, an in-VM
 * acceptor for the hub and a TCP acceptor (CORE, AMQP, STOMP, MQTT) for outside clients. The hub's own
 * addresses are created here so they exist before any route starts.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cem.broker.embedded", havingValue = "true", matchIfMissing = true)
public class EmbeddedBrokerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

    @Bean(destroyMethod = "stop")
    public EmbeddedActiveMQ embeddedBroker(BrokerProperties broker, IngestProperties ingest, HubAccounts accounts,
                                           PasswordEncoder encoder, SlaProperties sla) throws Exception {
        Path dir = Path.of(broker.getDataDir()).toAbsolutePath();
        if (broker.getUser() == null || broker.getUser().isBlank()) {
            // The hub's own connection: a login nobody else knows, new at every start.
            broker.setUser("cem-hub-internal");
            broker.setPassword(UUID.randomUUID().toString() + UUID.randomUUID());
        }
        Configuration config = new ConfigurationImpl()
                .setName("cem-hub")
                .setPersistenceEnabled(true)
                // Every connection logs in (BrokerSecurity); who may do what where: BrokerPermissions.
                .setSecurityEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setJournalFileSize(32 * 1024 * 1024)
                .setJournalBufferSize_NIO(2 * 1024 * 1024)
                // Another live broker holding this journal must not make the hub wait forever.
                .setJournalLockAcquisitionTimeout(broker.getLockTimeout().toMillis())
                .setJMXManagementEnabled(true)
                .setGracefulShutdownEnabled(true);
        config.addAcceptorConfiguration("in-vm", "vm://" + broker.getInVmId());
        config.addAcceptorConfiguration("tcp", broker.getAcceptor());

        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(HubAddresses.DEAD_LETTER))
                .setExpiryAddress(SimpleString.of(HubAddresses.DEAD_LETTER))
                .setMaxDeliveryAttempts(broker.getMaxDeliveryAttempts())
                .setRedeliveryDelay(broker.getRedeliveryDelay().toMillis())
                .setMaxSizeBytes(broker.getAddressMaxSizeBytes())
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        // Ingest partitions are message groups: when a hub instance joins, groups move to it, and
        // dispatch pauses while they move so that no service's records overtake each other.
        config.addAddressSetting(ingest.getQueue(), new AddressSettings()
                .setDefaultGroupRebalance(true)
                .setDefaultGroupRebalancePauseDispatch(true));

        config.putSecurityRoles("#", BrokerPermissions.everything());
        config.putSecurityRoles(ingest.getCanonicalQueue(), BrokerPermissions.inbound());
        config.putSecurityRoles("cem.adapter.#", BrokerPermissions.inbound());
        config.putSecurityRoles(sla.getBillingQueue(), BrokerPermissions.outbound());

        anycast(config, ingest.getQueue());
        anycast(config, ingest.getCanonicalQueue());
        anycast(config, HubAddresses.QUARANTINE);
        anycast(config, HubAddresses.DEAD_LETTER);
        // Declared, not auto-created: an auto-created address is deleted once empty, and its duplicate-id cache
        // (which keeps billing from getting a credit twice) with it.
        anycast(config, sla.getCreditsQueue());
        anycast(config, sla.getBillingQueue());
        config.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(HubAddresses.EVENTS).addRoutingType(RoutingType.MULTICAST));

        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.setSecurityManager(new BrokerSecurity(broker.getUser(), broker.getPassword(), accounts, encoder));
        server.start();
        // Artemis logs a failed start (a taken port or in-VM id) and returns; a hub without its broker
        // must not run, or it would talk to whichever broker holds that in-VM id.
        if (!server.getActiveMQServer().isActive()) {
            server.stop();
            throw new IllegalStateException("the embedded broker did not start (see the AMQ22 errors above):"
                    + " is " + broker.getAcceptor() + " or in-VM id " + broker.getInVmId() + " in use, or is " + dir
                    + " locked by another running hub?");
        }
        LOG.info("Embedded Artemis: journal in {}, outside clients on {}", dir, broker.getAcceptor());
        return server;
    }

    /** Lets each jms subscription's own login consume its queue (and nothing else). */
    @Bean
    public SubscriberPermissions subscriberPermissions(EmbeddedActiveMQ embeddedBroker) {
        return new SubscriberPermissions() {
            @Override
            public void grant(String subscriptionId, String fullyQualifiedQueue) {
                embeddedBroker.getActiveMQServer().getSecurityRepository().addMatch(fullyQualifiedQueue,
                        BrokerPermissions.subscriber(subscriptionId));
            }

            @Override
            public void revoke(String fullyQualifiedQueue) {
                embeddedBroker.getActiveMQServer().getSecurityRepository().removeMatch(fullyQualifiedQueue);
            }
        };
    }

    private static void anycast(Configuration config, String name) {
        config.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
    }
}
