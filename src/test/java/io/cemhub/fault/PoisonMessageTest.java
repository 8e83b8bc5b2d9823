package io.cemhub.fault;

import io.cemhub.ingest.IngestBatchCodec;
import io.cemhub.ingest.Partitioner;
import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;
import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventCollector;
import io.cemhub.support.Scrape;
import io.cemhub.support.TestRecords;
import io.cemhub.support.process.HubProcess;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison in a hub of its own process, with {@code cem.broker.max-delivery-attempts=3}: input that can never
 * be read goes to cem.quarantine at once with its original body and the reason (on the ingest queue, the
 * native JMS entry and an adapter's queue); a message the pipeline fails on for a reason it does not know
 * (here a record id too long for the database, sent past the gateway's validation) is tried the configured
 * number of times and then lies in cem.dlq, byte for byte as it was sent. Neither holds up the records of
 * its partition behind it.
 */
@Tag("fault")
class PoisonMessageTest {

    private static final Logger LOG = LoggerFactory.getLogger(PoisonMessageTest.class);
    private static final int ATTEMPTS = 3;
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void poisonReachesQuarantineOrTheDeadLetterQueueAfterTheConfiguredAttemptsWithItsOriginalBody() {
        try (HubProcess hub = HubProcess.builder(dir.resolve("hub")).name("hub")
                .arg("cem.broker.max-delivery-attempts=" + ATTEMPTS).build().start()) {
            ActiveMQConnectionFactory jms = hub.connectionFactory();
            BrokerProbe broker = new BrokerProbe(jms);
            new EventCollector(jms, "fault-poison").close(); // the subscriber exists before anything flows
            String service = "POISON-SVC";
            String group = Partitioner.groupOf(new Partitioner(8).partitionOf(service));

            // 1. Unreadable: quarantined at once, body and reason kept.
            String notABatch = "{\"records\":[{\"recordType\":\"spaceship\",\"marker\":\"poison-ingest\"}]}";
            broker.sendBytes("cem.ingest", notABatch.getBytes(StandardCharsets.UTF_8),
                    m -> BrokerProbe.setProperty(m, "JMSXGroupID", group));
            String notJson = "{\"marker\":\"poison-canonical\", truncated";
            broker.sendText("cem.ingest.canonical", notJson);
            String badExport = "<export marker=\"poison-adapter\"/>";
            broker.sendBytes("cem.adapter.wisla-vpn", badExport.getBytes(StandardCharsets.UTF_8), m -> { });
            for (Map.Entry<String, String> poison : Map.of("poison-ingest", notABatch, "poison-canonical", notJson,
                    "poison-adapter", badExport).entrySet()) {
                await(poison.getKey() + " in quarantine").atMost(WAIT)
                        .until(() -> broker.browse("cem.quarantine", poison.getKey()).size() == 1);
                BrokerProbe.Entry entry = broker.browse("cem.quarantine", poison.getKey()).get(0);
                assertThat(entry.body()).as("original body of " + poison.getKey()).isEqualTo(poison.getValue());
                assertThat(entry.properties().get("cemReason")).as("reason of " + poison.getKey()).isNotBlank();
            }

            // 2. Readable but failing every time for a reason the hub does not know: retried, then dead-lettered.
            double failedBefore = failedPipelineExchanges(hub);
            String longId = "poison-dlq-" + "x".repeat(300);
            Measurement record = new Measurement(longId, new SourceRef("cem", "jms"), null, service, null, "vpn.loss",
                    1, "%", TestRecords.NOW, TestRecords.NOW, Map.of());
            byte[] body = new IngestBatchCodec(TestRecords.JSON).encode(List.of(record));
            broker.sendBytes("cem.ingest", body, m -> BrokerProbe.setProperty(m, "JMSXGroupID", group));
            // and a good record of the same service (same partition) behind it
            assertThat(hub.http().post("/api/v1/measurements", TestRecords.measurementJson("after-poison", service,
                    "vpn.loss", 1)).status()).isEqualTo(202);

            await("the failing message in cem.dlq").atMost(WAIT).until(() -> broker.browse("cem.dlq", longId).size() == 1);
            BrokerProbe.Entry dead = broker.browse("cem.dlq", longId).get(0);
            assertThat(dead.body()).as("the dead letter's body, byte for byte")
                    .isEqualTo(new String(body, StandardCharsets.UTF_8));
            assertThat(dead.properties()).containsEntry("_AMQ_ORIG_QUEUE", "cem.ingest");
            await("attempts counted").atMost(WAIT)
                    .until(() -> failedPipelineExchanges(hub) - failedBefore >= ATTEMPTS);
            double attempts = failedPipelineExchanges(hub) - failedBefore;
            assertThat(attempts).as("tried cem.broker.max-delivery-attempts times").isEqualTo(ATTEMPTS);

            EventCollector events = new EventCollector(jms, "fault-poison");
            try {
                await("the record behind the poison flowed on").atMost(WAIT)
                        .until(() -> events.about("after-poison").size() == 1);
            } finally {
                events.close();
            }
            LOG.info("FAULT RESULT poison: quarantined=3 (ingest, canonical, adapter) deadLettered=1 after {} attempts",
                    (long) attempts);
        }
    }

    private static double failedPipelineExchanges(HubProcess hub) {
        return Scrape.of(hub.http()).value("camel_exchanges_failed_total", "routeId", "cem-pipeline");
    }
}
