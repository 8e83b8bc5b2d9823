package io.cemhub.pipeline;

import io.cemhub.ingest.JmsDrain;
import io.cemhub.ingest.Partitioner;
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
 * Ingest messages that wait on cem.ingest are taken many per pipeline transaction: every record becomes
 * exactly one event, a message that is no ingest batch goes to quarantine alone (its body and the reason),
 * and the pipeline takes far fewer transactions than messages.
 */
class PipelineDrainTest extends EventsTestSupport {

    private static final int MESSAGES = 60;

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @Test
    void waitingIngestMessagesAreTakenManyPerTransactionAndPoisonAloneGoesToQuarantine() throws Exception {
        BrokerProbe broker = new BrokerProbe(connectionFactory);
        DistributionSummary perTransaction = meters.get(JmsDrain.METER).tag("entry", IngestPipelineRoute.ROUTE_ID)
                .summary();
        long transactionsBefore = perTransaction.count();
        double messagesBefore = perTransaction.totalAmount();
        String poison = "no ingest batch " + run;
        List<String> sent = new ArrayList<>();
        camel.getRouteController().stopRoute(IngestPipelineRoute.ROUTE_ID);
        try {
            for (int i = 0; i < MESSAGES; i++) {
                if (i == MESSAGES / 2) {
                    broker.sendBytes("cem.ingest", poison.getBytes(StandardCharsets.UTF_8),
                            m -> BrokerProbe.setProperty(m, "JMSXGroupID", Partitioner.groupOf(1)));
                }
                String id = "pdrain-" + run + "-" + i;
                // one POST, one ingest message
                assertThat(http().post("/api/v1/measurements",
                        TestRecords.measurementJson(id, "S-PD" + (i % 5), "vpn.loss", i % 3)).status()).isEqualTo(202);
                sent.add(id);
            }
        } finally {
            camel.getRouteController().startRoute(IngestPipelineRoute.ROUTE_ID);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> recordEvents().size() >= MESSAGES);
        assertThat(recordEvents()).containsExactlyInAnyOrderElementsOf(sent);
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.browse("cem.quarantine", poison).size() == 1);
        BrokerProbe.Entry quarantined = broker.browse("cem.quarantine", poison).get(0);
        assertThat(quarantined.body()).isEqualTo(poison);
        assertThat(quarantined.properties()).containsEntry("cemAdapter", IngestPipelineRoute.ROUTE_ID);
        assertThat(quarantined.properties().get("cemReason")).contains("not an ingest batch");
        assertThat(broker.browse("cem.dlq", run)).isEmpty();

        double messages = perTransaction.totalAmount() - messagesBefore;
        long transactions = perTransaction.count() - transactionsBefore;
        assertThat(messages).as("every message counted once").isGreaterThanOrEqualTo(MESSAGES + 1);
        assertThat(transactions).as("transactions for %s messages", messages).isLessThan(MESSAGES / 2);
    }

    private List<String> recordEvents() {
        return events.events(e -> EventCollector.isRecordEvent(e)
                        && e.path("correlationId").asText().startsWith("pdrain-" + run + "-"))
                .stream().map(e -> e.path("correlationId").asText()).toList();
    }
}
