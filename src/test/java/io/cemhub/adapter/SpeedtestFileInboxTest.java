package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventCollector;
import io.cemhub.support.Http;
import io.cemhub.support.HubTestSupport;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CSV exports dropped in the speedtest inbox: good lines flow, bad lines are quarantined with their line
 * numbers, the file moves to done/, and the same content dropped again is not taken in twice. Also the
 * quarantine and adapter APIs over what that left behind.
 */
class SpeedtestFileInboxTest extends HubTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String HEADER = "agentId,lineId,timestamp,pingLatency,pingJitter,downloadBandwidth,uploadBandwidth,"
            + "packetLoss,serverId,isp,resultId\n";

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    AdapterMetrics metrics;
    @Autowired
    CamelContext camel;

    @org.springframework.beans.factory.annotation.Value("${cem.adapters.wisla-speedtest.inbox}")
    Path inbox;

    @Test
    void goodLinesFlowBadLinesAreQuarantinedWithTheirNumbersAndTheSameFileCountsOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = "LINE-G-" + run;
        String badNumber = "LINE-N-" + run;
        String tooShort = "LINE-S-" + run;
        String csv = HEADER
                + "AGT-1," + good + ",2026-11-22T08:00:00Z,11.5,0.5,12500000,2500000,0.25,42,Example,r1\n"
                + "AGT-1," + badNumber + ",2026-11-22T08:00:00Z,eleven,0.5,12500000,2500000,,42,Example,r2\n"
                + "AGT-1," + tooShort + ",2026-11-22T08:00:00Z,11.5\n";
        BrokerProbe broker = new BrokerProbe(connectionFactory);
        try (EventCollector events = new EventCollector(connectionFactory, "file-" + run)) {
            drop("export-" + run + ".csv", csv);

            String id = good + "/2026-11-22T08:00:00Z/speedtest.download.mbps";
            await().atMost(WAIT).until(() -> !events.about(id).isEmpty());
            assertThat(events.about(id).get(0).path("event").path("measurement").path("value").asDouble()).isEqualTo(100.0);
            await().atMost(WAIT).until(() -> events.events(e -> e.path("correlationId").asText().startsWith(good)).size() == 5);
            await().atMost(WAIT).until(() -> doneFiles().anyMatch(f -> f.contains("export-" + run)));
            assertThat(Files.exists(inbox.resolve("export-" + run + ".csv"))).isFalse();

            BrokerProbe.Entry number = broker.browse("cem.quarantine", badNumber).get(0);
            assertThat(number.properties().get("cemOrigin")).endsWith("#line=3");
            assertThat(number.properties().get("cemReason")).contains("line 3").contains("wisla-speedtest.csv.jsonata");
            assertThat(number.body()).startsWith(HEADER).contains(badNumber);
            BrokerProbe.Entry shortLine = broker.browse("cem.quarantine", tooShort).get(0);
            assertThat(shortLine.properties().get("cemReason")).contains("line 4").contains("4 fields");
            assertThat(events.events(e -> e.path("correlationId").asText().startsWith(badNumber))).isEmpty();

            long received = metrics.snapshot("wisla-speedtest").received();
            drop("export-again-" + run + ".csv", csv);
            await().atMost(WAIT).until(() -> doneFiles().anyMatch(f -> f.contains("export-again-" + run)));
            assertThat(metrics.snapshot("wisla-speedtest").received()).isEqualTo(received);
            assertThat(broker.browse("cem.quarantine", badNumber)).hasSize(1);
        }
    }

    @Test
    void theQuarantineApiListsEntriesAndReplayLeavesStillBadOnesInPlace() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String bad = "LINE-Q-" + run;
        drop("bad-" + run + ".csv", HEADER + "AGT-1," + bad + ",2026-11-22T08:00:00Z,x,0.5,1,1,,42,Example,r3\n");
        Http http = http();
        await().atMost(WAIT).until(() -> http.get("/api/v1/quarantine?adapter=wisla-speedtest&limit=1000").json()
                .findValues("payload").stream().anyMatch(p -> p.asText().contains(bad)));
        JsonNode entry = entryWith(http, bad);
        assertThat(entry.path("format").asText()).isEqualTo("csv");
        assertThat(entry.path("origin").asText()).endsWith("#line=2");
        assertThat(http.get("/api/v1/quarantine?adapter=wisla-vpn&limit=1000").json().findValues("payload").stream()
                .noneMatch(p -> p.asText().contains(bad))).isTrue();
        assertThat(http.get("/api/v1/quarantine?adapter=wisla-speedtest&from=2999-01-01T00:00:00Z").json()).isEmpty();

        Http.Response replay = http.post("/api/v1/quarantine/replay",
                "{\"ids\":[\"" + entry.path("id").asText() + "\"]}");

        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json().path("replayed").asInt()).isZero();
        assertThat(replay.json().path("results").get(0).path("status").asText()).isEqualTo("failed");
        assertThat(entryWith(http, bad)).isNotNull();
        assertThat(http.post("/api/v1/quarantine/replay", "{}").status()).isEqualTo(400);
    }

    @Test
    void theAdapterCatalogueListsEveryAdapterWithItsRoutesAndCounters() {
        JsonNode adapters = http().get("/api/v1/adapters").json();

        assertThat(adapters.findValuesAsText("id")).contains("wisla-vpn", "wisla-speedtest", "billing", "snmp-traps");
        for (JsonNode adapter : adapters) {
            assertThat(adapter.path("status").asText()).isEqualTo("started");
            assertThat(adapter.path("counters").has("received")).isTrue();
        }
        assertThat(adapters.findValues("routes").stream().flatMap(r -> r.findValuesAsText("id").stream()))
                .as("the route instances, not the routes made from Kamelets")
                .containsExactlyInAnyOrder("wisla-speedtest-file", "wisla-speedtest-rest", "wisla-vpn-jms", "wisla-vpn-rest",
                        "billing-events-jms", "billing-cdr-file", "snmp-traps-receiver");
        assertThat(camel.getRoute("wisla-vpn-rest-kamelet").isCreatedByKamelet())
                .as("routes made from Kamelets have the stable ids the route instances give them").isTrue();
        assertThat(camel.getRoute("wisla-speedtest-file-kamelet")).isNotNull();
        JsonNode paths = http().get("/v3/api-docs").json().path("paths");
        assertThat(paths.has("/api/v1/adapters") && paths.has("/api/v1/quarantine") && paths.has("/api/v1/quarantine/replay"))
                .as("the OpenAPI document describes the adapter and quarantine APIs").isTrue();
    }

    private static JsonNode entryWith(Http http, String marker) {
        for (JsonNode e : http.get("/api/v1/quarantine?adapter=wisla-speedtest&limit=1000").json()) {
            if (e.path("payload").asText().contains(marker)) {
                return e;
            }
        }
        return null;
    }

    private void drop(String name, String content) throws IOException {
        Files.createDirectories(inbox);
        Path temporary = inbox.resolve(name + ".part");
        Files.writeString(temporary, content);
        Files.move(temporary, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private Stream<String> doneFiles() throws IOException {
        Path done = inbox.resolve("done");
        if (!Files.isDirectory(done)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        }
    }
}
