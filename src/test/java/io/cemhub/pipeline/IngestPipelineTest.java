package io.cemhub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventCollector;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** REST in, events out: the pipeline's promises seen from outside. */
class IngestPipelineTest extends EventsTestSupport {

    @Autowired
    RegistryService registry;

    @Autowired
    org.apache.camel.CamelContext camel;

    @Test
    void consumersHandTheirOwnTransactedSessionToTheStages() {
        // Without exposeListenerSession, Spring gives the route a second session that commits on its own:
        // events and the consumed message would no longer commit together.
        for (String routeId : List.of(IngestPipelineRoute.ROUTE_ID, io.cemhub.ingest.CanonicalJmsIngestRoute.ROUTE_ID,
                "wisla-vpn-jms")) {
            var endpoint = (org.apache.camel.component.jms.JmsEndpoint) camel.getRoute(routeId).getEndpoint();
            assertThat(endpoint.isExposeListenerSession()).as(routeId).isTrue();
            assertThat(endpoint.isTransacted()).as(routeId).isTrue();
        }
    }

    @Test
    void acceptedMeasurementsBecomeEnrichedEvents() {
        registry.putCustomer(new Customer("C-" + run, "Acme", "VIP", "gold", "active", Map.of()));
        registry.putService(new Service("S-" + run, "C-" + run, "vpn", Map.of("availabilityPct", 99.9),
                Map.of("wisla-vpn", List.of("TUN-" + run))));
        String known = "{\"id\":\"k-" + run + "\",\"source\":{\"system\":\"wisla-vpn\"},\"serviceId\":\"TUN-" + run
                + "\",\"metric\":\"vpn.rtt.avg\",\"value\":12.5,\"observedAt\":\"2026-11-22T09:00:00Z\"}";
        String unknown = TestRecords.measurementJson("u-" + run, "NOBODY-" + run, "vpn.loss", 0.5);

        Http.Response answer = http().post("/api/v1/measurements", "[" + known + "," + unknown + "]");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).until(() -> events.about("k-" + run).size() == 1
                && events.about("u-" + run).size() == 1);
        JsonNode resolved = events.about("k-" + run).get(0);
        assertThat(resolved.path("eventType").asText()).isEqualTo("MeasurementCreateEvent");
        assertThat(resolved.path("source").asText()).isEqualTo("wisla-vpn");
        JsonNode m = resolved.path("event").path("measurement");
        assertThat(m.path("serviceId").asText()).isEqualTo("S-" + run);
        assertThat(m.path("customerId").asText()).isEqualTo("C-" + run);
        assertThat(m.path("serviceType").asText()).isEqualTo("vpn");
        assertThat(m.path("unit").asText()).isEqualTo("ms");
        assertThat(m.path("characteristics").path("externalServiceId").asText()).isEqualTo("TUN-" + run);
        JsonNode context = resolved.path("event").path("context");
        assertThat(context.path("identity").asText()).isEqualTo("resolved");
        assertThat(context.path("segment").asText()).isEqualTo("VIP");
        assertThat(context.path("slaTier").asText()).isEqualTo("gold");
        assertThat(context.path("contracted").path("availabilityPct").asDouble()).isEqualTo(99.9);

        JsonNode flagged = events.about("u-" + run).get(0);
        assertThat(flagged.path("event").path("context").path("identity").asText()).isEqualTo("unresolved");
        assertThat(flagged.path("event").path("measurement").path("serviceId").asText()).isEqualTo("NOBODY-" + run);
    }

    @Test
    void aBatchWithOneBadRecordIsRefusedWholeAndNothingOfItIsPublished() {
        String good = TestRecords.measurementJson("good-" + run, "S-BAD-" + run, "vpn.loss", 1);
        String bad = "{\"id\":\"bad-" + run + "\",\"serviceId\":\"S-BAD-" + run + "\",\"metric\":\"vpn.mood\","
                + "\"value\":1,\"observedAt\":\"2026-11-22T09:00:00Z\"}";
        Http.Response answer = http().post("/api/v1/measurements", "[" + good + "," + bad + "]");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = answer.json().path("errors").get(0);
        assertThat(error.path("index").asInt()).isEqualTo(1);
        assertThat(error.path("field").asText()).isEqualTo("metric");
        assertThat(error.path("reason").asText()).contains("vpn.mood");

        // A later record of the same service shares the partition: once it is out, the refused one would be too.
        String marker = TestRecords.measurementJson("marker-" + run, "S-BAD-" + run, "vpn.loss", 2);
        assertThat(http().post("/api/v1/measurements", marker).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about("marker-" + run).size() == 1);
        assertThat(events.about("good-" + run)).isEmpty();
    }

    @Test
    void malformedJsonAndOversizedBatchesGetProblemAnswers() {
        Http.Response malformed = http().post("/api/v1/measurements", "[{\"serviceId\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("type").asText()).endsWith("/invalid-json");

        String many = IntStream.range(0, 10_001).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"));
        Http.Response tooMany = http().post("/api/v1/measurements", many);
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().path("detail").asText()).contains("10001").contains("cem.ingest.max-batch");

        Http.Response empty = http().post("/api/v1/measurements", "[]");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void recordsOfOneServiceArriveInTheOrderTheyWereSent() {
        List<String> sent = IntStream.range(0, 200).mapToObj(i -> "ord-" + run + "-" + i).toList();
        for (int post = 0; post < 10; post++) {
            String batch = sent.subList(post * 20, post * 20 + 20).stream()
                    .map(id -> TestRecords.measurementJson(id, "S-ORD-" + run, "vpn.jitter", 1))
                    .collect(Collectors.joining(",", "[", "]"));
            assertThat(http().post("/api/v1/measurements", batch).status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.events(e -> EventCollector.isRecordEvent(e)
                        && e.path("correlationId").asText().startsWith("ord-" + run)).size() >= 200);
        List<String> received = events.events(e -> EventCollector.isRecordEvent(e)
                        && e.path("correlationId").asText().startsWith("ord-" + run))
                .stream().map(e -> e.path("correlationId").asText()).toList();
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void canonicalJsonOverJmsFlowsAndBadMessagesAreQuarantinedWithTheirOriginalBody() {
        BrokerProbe broker = new BrokerProbe(connectionFactory);
        broker.sendText("cem.ingest.canonical", "[" + TestRecords.measurementJson("jms-" + run, "S-J", "vpn.loss", 1)
                + "]");
        String invalid = TestRecords.measurementJson("jms-bad-" + run, "S-J", "vpn.mood", 1);
        broker.sendText("cem.ingest.canonical", invalid);
        String notJson = "this is not json " + run;
        broker.sendBytes("cem.ingest.canonical", notJson.getBytes(java.nio.charset.StandardCharsets.UTF_8), m -> { });

        await().atMost(Duration.ofSeconds(20)).until(() -> events.about("jms-" + run).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.browse("cem.quarantine", run).size() == 2);
        BrokerProbe.Entry refused = broker.browse("cem.quarantine", "jms-bad-" + run).get(0);
        assertThat(refused.body()).isEqualTo(invalid);
        assertThat(refused.properties()).containsEntry("cemAdapter", "jms-canonical");
        assertThat(refused.properties().get("cemReason")).contains("vpn.mood");
        assertThat(refused.properties()).containsKey("cemQuarantinedAt");
        BrokerProbe.Entry garbage = broker.browse("cem.quarantine", notJson).get(0);
        assertThat(garbage.body()).isEqualTo(notJson);
        assertThat(garbage.properties().get("cemReason")).contains("not JSON");
        assertThat(events.about("jms-bad-" + run)).isEmpty();
    }

    @Test
    void aPoisonMessageOnTheIngestQueueGoesToQuarantineAndTheQueueMovesOn() {
        BrokerProbe broker = new BrokerProbe(connectionFactory);
        String poison = "{\"records\":[{\"recordType\":\"spaceship\",\"run\":\"" + run + "\"}]}";
        broker.sendBytes("cem.ingest", poison.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                m -> BrokerProbe.setProperty(m, "JMSXGroupID", "p0"));
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.browse("cem.quarantine", run).size() == 1);
        BrokerProbe.Entry entry = broker.browse("cem.quarantine", run).get(0);
        assertThat(entry.body()).isEqualTo(poison);
        assertThat(entry.properties()).containsEntry("cemAdapter", IngestPipelineRoute.ROUTE_ID);
        assertThat(entry.properties().get("cemReason")).contains("not an ingest batch");

        String after = TestRecords.measurementJson("after-poison-" + run, "S-P", "vpn.loss", 1);
        assertThat(http().post("/api/v1/measurements", after).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about("after-poison-" + run).size() == 1);
    }
}
