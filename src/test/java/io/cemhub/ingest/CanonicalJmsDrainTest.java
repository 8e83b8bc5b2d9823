package io.cemhub.ingest;

import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventCollector;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.TestRecords;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages that wait on cem.ingest.canonical are taken many per transaction (DrainingJmsListenerContainer):
 * every valid record becomes an event, each bad message goes to quarantine alone with its own body and
 * reason, and the route takes fewer transactions than messages.
 */
class CanonicalJmsDrainTest extends EventsTestSupport {

    private static final int VALID = 120;

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @Test
    void waitingMessagesAreTakenManyPerTransactionAndBadOnesAloneGoToQuarantine() throws Exception {
        BrokerProbe broker = new BrokerProbe(connectionFactory);
        DistributionSummary perTransaction = meters.get(JmsDrain.METER).tag("entry", "jms-canonical").summary();
        long transactionsBefore = perTransaction.count();
        double messagesBefore = perTransaction.totalAmount();
        String notJson = "not json at all " + run;
        String invalid = TestRecords.measurementJson("drain-bad-" + run, "S-DB", "vpn.mood", 1);
        List<String> sent = new ArrayList<>();
        camel.getRouteController().stopRoute(CanonicalJmsIngestRoute.ROUTE_ID);
        try {
            for (int i = 0; i < VALID; i++) {
                if (i == 40) {
                    broker.sendBytes("cem.ingest.canonical", notJson.getBytes(StandardCharsets.UTF_8), m -> { });
                }
                if (i == 80) {
                    broker.sendText("cem.ingest.canonical", invalid);
                }
                String id = "drain-" + run + "-" + i;
                broker.sendText("cem.ingest.canonical", TestRecords.measurementJson(id, "S-D" + (i % 7), "vpn.loss", i));
                sent.add(id);
            }
        } finally {
            camel.getRouteController().startRoute(CanonicalJmsIngestRoute.ROUTE_ID);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> recordEvents().size() >= VALID);
        assertThat(recordEvents()).containsExactlyInAnyOrderElementsOf(sent);
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.browse("cem.quarantine", run).size() == 2);
        BrokerProbe.Entry garbage = broker.browse("cem.quarantine", notJson).get(0);
        assertThat(garbage.body()).isEqualTo(notJson);
        assertThat(garbage.properties()).containsEntry("cemAdapter", "jms-canonical");
        assertThat(garbage.properties().get("cemReason")).contains("not JSON");
        BrokerProbe.Entry refused = broker.browse("cem.quarantine", "drain-bad-" + run).get(0);
        assertThat(refused.body()).isEqualTo(invalid);
        assertThat(refused.properties().get("cemReason")).contains("vpn.mood");
        assertThat(events.about("drain-bad-" + run)).isEmpty();

        double messages = perTransaction.totalAmount() - messagesBefore;
        long transactions = perTransaction.count() - transactionsBefore;
        assertThat(messages).as("every message counted once").isEqualTo(VALID + 2);
        assertThat(transactions).as("transactions for %s messages", messages).isLessThan(VALID / 4);
        assertThat(broker.browse("cem.dlq", run)).isEmpty();
    }

    private List<String> recordEvents() {
        return events.events(e -> EventCollector.isRecordEvent(e)
                        && e.path("correlationId").asText().startsWith("drain-" + run + "-"))
                .stream().map(e -> e.path("correlationId").asText()).toList();
    }
}
