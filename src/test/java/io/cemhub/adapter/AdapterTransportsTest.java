package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventCollector;
import io.cemhub.support.Http;
import io.cemhub.support.HubTestSupport;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The two adapters end to end over REST and JMS, with header hygiene and the poison cases. */
class AdapterTransportsTest extends HubTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    RegistryService registry;

    EventCollector events;

    @BeforeEach
    void subscribe() {
        events = new EventCollector(connectionFactory, "adapters-" + UUID.randomUUID());
    }

    @AfterEach
    void unsubscribe() {
        events.unsubscribe();
    }

    /** A sample with its own probe id and yesterday's times (the hub refuses times in the future). */
    static String vpnSample(String file, String probe) throws IOException {
        return Files.readString(Path.of("adapters/wisla-vpn/samples", file))
                .replace("PRB-07", probe).replace("2026-11-23T09:", "2026-11-22T09:");
    }

    @Test
    void aVpnExportPostedOverRestBecomesOneEventPerMetricPerTunnel() throws Exception {
        String probe = "PRB-" + UUID.randomUUID();
        Http.Response answer = http().post("/ingest/wisla-vpn", vpnSample("two-tunnels.input.json", probe));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(10);
        String id = probe + "/2026-11-22T09:55:00Z/TUN-0002/vpn.loss";
        await().atMost(WAIT).until(() -> !events.about(id).isEmpty());
        JsonNode measurement = events.about(id).get(0).path("event").path("measurement");
        assertThat(measurement.path("value").asDouble()).isEqualTo(6.5);
        assertThat(measurement.path("source").path("system").asText()).isEqualTo("wisla-vpn");
        await().atMost(WAIT).until(() -> events.events(e -> EventCollector.isRecordEvent(e) && e.path("correlationId").asText().startsWith(probe)).size() == 10);
    }

    @Test
    void aPoisonVpnExportOverRestIsRefusedWithProblemDetailsNamingTheField() throws Exception {
        String probe = "PRB-bad-" + UUID.randomUUID();
        Http.Response answer = http().post("/ingest/wisla-vpn", vpnSample("bad-values.poison.json", probe));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("https://cemhub.io/problems/invalid-records");
        JsonNode error = answer.json().path("errors").get(0);
        assertThat(error.path("index").asInt()).isZero();
        assertThat(error.path("field").asText()).contains("value");
        assertThat(error.path("reason").asText()).isNotBlank();
        assertThat(answer.json().path("detail").asText()).contains("kept in quarantine");
        BrokerProbe.Entry kept = new BrokerProbe(connectionFactory).browse("cem.quarantine", probe).get(0);
        assertThat(kept.properties()).containsEntry("cemAdapter", "wisla-vpn");
        assertThat(kept.body()).contains(probe);
    }

    @Test
    void notJsonOverRestIsA400() {
        Http.Response answer = http().post("/ingest/wisla-speedtest", "<speedtest/>");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("https://cemhub.io/problems/invalid-body");
    }

    @Test
    void camelHeadersInAnyCaseFromHttpDoNotSteerTheRoute() throws Exception {
        String probe = "PRB-" + UUID.randomUUID();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/ingest/wisla-vpn?CamelHttpResponseCode=500"
                                + "&cAmElJmsDestinationName=cem.events"))
                .header("Content-Type", "application/json")
                .header("Authorization", Http.basic("source", "source-pw"))
                .header("CAMELBEANMETHODNAME", "toString")
                .header("cAmElJmsDestinationName", "cem.events")
                .header("camelHttpResponseCode", "500")
                .POST(HttpRequest.BodyPublishers.ofString(vpnSample("two-tunnels.input.json", probe))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("camel"));
        await().atMost(WAIT).until(() -> events.events(e -> EventCollector.isRecordEvent(e) && e.path("correlationId").asText().startsWith(probe)).size() == 10);
    }

    @Test
    void speedtestResultsPostedOverRestAreConvertedFromBytesPerSecondWithTheRatioToTheContractedSpeed()
            throws Exception {
        String line = "LINE-" + UUID.randomUUID();
        String customer = "C-" + line;
        registry.putCustomer(new Customer(customer, "Speedtest customer", "residential", "bronze", "active", Map.of()));
        registry.putService(new Service("BB-" + line, customer, "broadband", Map.of("downloadMbps", 100.0),
                Map.of("wisla-speedtest", List.of(line))));
        String body = Files.readString(Path.of("adapters/wisla-speedtest/samples/ookla-one.input.json"))
                .replace("LINE-00042", line).replace("2026-11-23T09:", "2026-11-22T09:");

        Http.Response answer = http().post("/ingest/wisla-speedtest", body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        String id = line + "/2026-11-22T09:58:12Z/speedtest.download.mbps";
        await().atMost(WAIT).until(() -> !events.about(id).isEmpty());
        assertThat(events.about(id).get(0).path("event").path("measurement").path("value").asDouble()).isEqualTo(90.0);
        String ratio = line + "/2026-11-22T09:58:12Z/speedtest.download.ratio";
        await().atMost(WAIT).until(() -> !events.about(ratio).isEmpty());
        JsonNode measurement = events.about(ratio).get(0).path("event").path("measurement");
        assertThat(measurement.path("value").asDouble()).isEqualTo(0.9);
        assertThat(measurement.path("serviceId").asText()).isEqualTo("BB-" + line);
    }

    @Test
    void aVpnExportOverJmsIsIngestedAndItsCamelPropertiesIgnored() throws Exception {
        String probe = "PRB-" + UUID.randomUUID();
        new BrokerProbe(connectionFactory).sendBytes("cem.adapter.wisla-vpn",
                vpnSample("two-tunnels.input.json", probe).getBytes(StandardCharsets.UTF_8), m -> {
                    BrokerProbe.setProperty(m, "cAmElJmsDestinationName", "cem.events");
                    BrokerProbe.setProperty(m, "CAMELBEANMETHODNAME", "toString");
                });

        await().atMost(WAIT).until(() -> events.events(e -> EventCollector.isRecordEvent(e) && e.path("correlationId").asText().startsWith(probe)).size() == 10);
    }

    @Test
    void aPoisonVpnExportOverJmsLandsInQuarantineWithItsOriginalPayload() throws Exception {
        String probe = "PRB-" + UUID.randomUUID();
        String payload = vpnSample("bad-values.poison.json", probe);
        BrokerProbe broker = new BrokerProbe(connectionFactory);
        broker.sendBytes("cem.adapter.wisla-vpn", payload.getBytes(StandardCharsets.UTF_8), m -> { });

        await().atMost(WAIT).until(() -> !broker.browse("cem.quarantine", probe).isEmpty());
        BrokerProbe.Entry entry = broker.browse("cem.quarantine", probe).get(0);
        assertThat(entry.body()).isEqualTo(payload);
        assertThat(entry.properties()).containsEntry("cemAdapter", "wisla-vpn").containsEntry("cemFormat", "json");
        assertThat(entry.properties().get("cemReason")).contains("value");
        assertThat(events.events(e -> EventCollector.isRecordEvent(e) && e.path("correlationId").asText().startsWith(probe))).isEmpty();
    }
}
