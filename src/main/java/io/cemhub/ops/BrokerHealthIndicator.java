package io.cemhub.ops;

import io.cemhub.broker.BrokerProperties;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health component {@code broker}: with the embedded broker, UP while it is active; in every case the
 * hub's connection factory must open a core session (so an external broker that is down or refuses the
 * hub's login shows DOWN, with the reason).
 */
public class BrokerHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final ActiveMQConnectionFactory factory;
    private final BrokerProperties broker;

    public BrokerHealthIndicator(ObjectProvider<EmbeddedActiveMQ> embedded, ActiveMQConnectionFactory factory,
                                 BrokerProperties broker) {
        super("the broker cannot be reached");
        this.embedded = embedded;
        this.factory = factory;
        this.broker = broker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        EmbeddedActiveMQ local = embedded.getIfAvailable();
        if (local != null) {
            ActiveMQServer server = local.getActiveMQServer();
            builder.withDetail("mode", "embedded").withDetail("acceptor", broker.getAcceptor())
                    .withDetail("state", String.valueOf(server.getState()))
                    .withDetail("version", server.getVersion().getFullVersion());
            if (!server.isActive()) {
                builder.down();
                return;
            }
        } else {
            builder.withDetail("mode", "external").withDetail("url", String.valueOf(broker.getUrl()));
        }
        try (ClientSessionFactory sessions = factory.getServerLocator().createSessionFactory();
             ClientSession session = sessions.createSession(broker.getUser(), broker.getPassword(), false, true, true,
                     false, 0)) {
            builder.up().withDetail("session", "opened");
        }
    }
}
