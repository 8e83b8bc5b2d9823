package io.cemhub.ops;

import io.cemhub.broker.BrokerProperties;
import io.cemhub.support.FreePorts;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** An external broker that does not answer makes the broker component DOWN, with the reason. */
class BrokerHealthIndicatorTest {

    @Test
    void anExternalBrokerThatDoesNotAnswerIsDown() {
        String url = "tcp://127.0.0.1:" + FreePorts.next();
        BrokerProperties broker = new BrokerProperties();
        broker.setEmbedded(false);
        broker.setUrl(url);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url)) {
            BrokerHealthIndicator indicator = new BrokerHealthIndicator(
                    new StaticListableBeanFactory().getBeanProvider(EmbeddedActiveMQ.class), factory, broker);

            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("mode", "external").containsEntry("url", url);
            assertThat(health.getDetails().get("error")).asString().isNotBlank();
        }
    }
}
