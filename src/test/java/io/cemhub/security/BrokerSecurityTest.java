package io.cemhub.security;

import io.cemhub.support.HubTestSupport;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded broker's TCP acceptor: every client logs in, and each may do only its part. */
class BrokerSecurityTest extends HubTestSupport {

    @Value("${cem.broker.acceptor}")
    String acceptor;

    private ActiveMQConnectionFactory outside(String user, String password) {
        String url = acceptor.contains("?") ? acceptor.substring(0, acceptor.indexOf('?')) : acceptor;
        return new ActiveMQConnectionFactory(url, user, password);
    }

    @Test
    void noLoginNoWrongPasswordNoConnection() {
        assertThatThrownBy(() -> outside(null, null).createConnection().close()).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> outside("source", "wrong").createConnection().close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aSourceMaySendToItsInboundQueuesOnly() throws JMSException {
        try (Connection c = outside("source", "source-pw").createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageProducer inbound = session.createProducer(session.createQueue("cem.adapter.wisla-vpn"))) {
                inbound.send(session.createTextMessage("[]")); // quarantined by the adapter, but sent
            }
            assertThatThrownBy(() -> session.createProducer(session.createQueue("cem.ingest")).send(
                    session.createTextMessage("x"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("cem.quarantine")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aSubscriberMayConsumeItsOwnQueueOnly() throws JMSException {
        String other = http().post("/tmf-api/eventManagement/v4/hub", "{\"channel\":\"jms\",\"query\":\"segment=none\"}")
                .json().path("id").asText();
        try (Connection c = outside("noc", "noc-pw").createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer own = session.createConsumer(session.createQueue("cem.events::cem.sub.noc-alarms"));
            own.close();
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("cem.events::cem.sub." + other)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createSharedDurableConsumer(session.createTopic("cem.events"), "mine"))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void billingTakesItsCompensationCreditsButNoSourceMayForgeOne() throws JMSException {
        try (Connection c = outside("source", "source-pw").createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue("cem.billing.credits")).close();
            jakarta.jms.QueueBrowser browser = session.createBrowser(session.createQueue("cem.billing.credits"));
            browser.getEnumeration().hasMoreElements();
            browser.close();
            assertThatThrownBy(() -> session.createProducer(session.createQueue("cem.billing.credits")).send(
                    session.createTextMessage("{}"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("cem.sla.credits")).send(
                    session.createTextMessage("{}"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("cem.sla.credits")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void anAdminMayDoAnything() throws JMSException {
        try (Connection c = outside("admin", "admin-pw").createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue("cem.quarantine")).close();
        }
    }
}
