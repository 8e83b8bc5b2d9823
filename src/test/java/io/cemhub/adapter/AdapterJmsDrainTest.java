package io.cemhub.adapter;

import io.cemhub.ingest.JmsDrain;
import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventCollector;
import io.cemhub.support.HubTestSupport;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An adapter's JMS route takes the exports waiting on its queue many per transaction (routes/wisla-vpn.yaml:
 * messageListenerContainerFactory=#cemJmsDrain): each good export becomes its events, the poison one goes
 * to quarantine whole with its payload, and there are fewer transactions than messages.
 */
class AdapterJmsDrainTest extends HubTestSupport {

    private static final int GOOD = 12;

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    CamelContext camel;
    @Autowired
    MeterRegistry meters;

    EventCollector events;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void subscribe() {
        events = new EventCollector(connectionFactory, "adapter-drain-" + run);
    }

    @AfterEach
    void unsubscribe() {
        events.unsubscribe();
    }

    @Test
    void exportsWaitingOnTheQueueAreTakenManyPerTransactionAndThePoisonOneAloneGoesToQuarantine() throws Exception {
        BrokerProbe broker = new BrokerProbe(connectionFactory);
        DistributionSummary perTransaction = JmsDrain.summary(meters, "wisla-vpn");
        long transactionsBefore = perTransaction.count();
        double messagesBefore = perTransaction.totalAmount();
        String poison = AdapterTransportsTest.vpnSample("bad-values.poison.json", "PRB-POISON-" + run);
        camel.getRouteController().stopRoute("wisla-vpn-jms");
        try {
            for (int i = 0; i < GOOD; i++) {
                if (i == GOOD / 2) {
                    broker.sendBytes("cem.adapter.wisla-vpn", poison.getBytes(StandardCharsets.UTF_8), m -> { });
                }
                String export = AdapterTransportsTest.vpnSample("two-tunnels.input.json", "PRB-" + run + "-" + i);
                broker.sendBytes("cem.adapter.wisla-vpn", export.getBytes(StandardCharsets.UTF_8), m -> { });
            }
        } finally {
            camel.getRouteController().startRoute("wisla-vpn-jms");
        }

        await().atMost(AdapterTransportsTest.WAIT).until(() -> events.events(e -> EventCollector.isRecordEvent(e)
                && e.path("correlationId").asText().startsWith("PRB-" + run + "-")).size() >= GOOD * 10);
        await().atMost(AdapterTransportsTest.WAIT).until(() -> !broker.browse("cem.quarantine", "PRB-POISON-" + run).isEmpty());
        BrokerProbe.Entry entry = broker.browse("cem.quarantine", "PRB-POISON-" + run).get(0);
        assertThat(entry.body()).isEqualTo(poison);
        assertThat(entry.properties()).containsEntry("cemAdapter", "wisla-vpn").containsEntry("cemFormat", "json");
        assertThat(events.events(e -> EventCollector.isRecordEvent(e)
                && e.path("correlationId").asText().startsWith("PRB-POISON-" + run))).isEmpty();
        assertThat(events.events(e -> EventCollector.isRecordEvent(e)
                && e.path("correlationId").asText().startsWith("PRB-" + run + "-"))).hasSize(GOOD * 10);

        assertThat(perTransaction.totalAmount() - messagesBefore).as("messages").isEqualTo(GOOD + 1);
        assertThat(perTransaction.count() - transactionsBefore).as("transactions").isLessThan(GOOD / 2);
    }
}
