package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.CemHubApplication;
import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventCollector;
import io.cemhub.support.FreePorts;
import io.cemhub.support.Http;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What docs/adding-an-adapter.md promises: a new source with no Java and no rebuild. In a temporary folder
 * an adapter is written as files (Kamelet, mapping, route, samples), a hub is started on that folder, and
 * canonical records come out. Its first mapping is broken on purpose: the input lands in quarantine with a
 * reason naming the file and the expression; the mapping is fixed; replay brings the records through.
 */
class NewAdapterWithoutJavaTest {

    static final String KAMELET = """
            apiVersion: camel.apache.org/v1
            kind: Kamelet
            metadata:
              name: acme-ping
              labels:
                camel.apache.org/kamelet.type: action
            spec:
              definition:
                title: ACME ping probe
                description: Ping results of ACME CPE probes.
                type: object
                properties:
                  format:
                    title: Input format
                    description: The probe sends JSON.
                    type: string
                    default: json
              template:
                from:
                  uri: "kamelet:source"
                  steps:
                    - process: {id: entry, ref: cemAdapterEntry}
                    - setProperty: {id: adapter-id, name: cemAdapter, constant: acme-ping}
                    - setProperty: {id: input-format, name: cemFormat, constant: "{{format}}"}
                    - process: {id: map-and-ingest, ref: cemIngest}
            """;
    static final String ROUTE = """
            - route:
                id: acme-ping-jms
                routeConfigurationId: cem-error-handling
                from:
                  uri: "jms:queue:{{cem.adapters.acme-ping.queue}}"
                  parameters: {transacted: true, lazyCreateTransactionManager: false, cacheLevelName: CACHE_CONSUMER}
                  steps:
                    - to: {id: acme-ping-jms-adapter, uri: "kamelet:acme-ping"}
            """;
    static final String BROKEN_MAPPING = "{ \"serviceId\": device, \"metric\": \"net.ping.rtt\" ";
    static final String MAPPING = """
            {
              "id": "acme/" & device & "/" & at,
              "source": {"system": "acme", "adapter": "acme-ping"},
              "serviceId": device,
              "metric": "net.ping.rtt",
              "value": rttMs,
              "observedAt": at
            }
            """;

    @TempDir
    Path dir;

    @Test
    void anAdapterMadeOfFilesTurnsInputIntoCanonicalRecordsAndReplayFixesWhatItQuarantined() throws Exception {
        Path adapter = Files.createDirectories(dir.resolve("adapters/acme-ping"));
        Files.createDirectories(adapter.resolve("samples"));
        Files.writeString(adapter.resolve("acme-ping.kamelet.yaml"), KAMELET);
        Files.writeString(adapter.resolve("samples/one.input.json"), "{\"device\":\"DEV-1\",\"rttMs\":12.5,\"at\":\"2026-11-22T10:00:00Z\"}");
        Path mapping = Files.createDirectories(dir.resolve("mappings")).resolve("acme-ping.jsonata");
        Files.writeString(mapping, BROKEN_MAPPING);
        Files.writeString(Files.createDirectories(dir.resolve("routes")).resolve("acme-ping.yaml"), ROUTE);

        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CemHubApplication.class).profiles("test")
                .run("--cem.data-dir=" + dir.resolve("data"), "--server.port=0", "--cem.snmp.traps.port=0",
                        "--cem.broker.in-vm-id=" + FreePorts.nextInVmId(),
                        "--cem.broker.acceptor=tcp://127.0.0.1:" + FreePorts.next(),
                        "--cem.adapters.dir=" + dir.resolve("adapters"), "--cem.adapters.mappings-dir=" + dir.resolve("mappings"),
                        "--cem.adapters.routes-dir=" + dir.resolve("routes"), "--cem.adapters.acme-ping.queue=acme.ping");
             EventCollector events = new EventCollector(hub.getBean(ConnectionFactory.class), "acme")) {
            Http http = new Http("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
            BrokerProbe broker = new BrokerProbe(hub.getBean(ConnectionFactory.class));
            byte[] sample = Files.readAllBytes(adapter.resolve("samples/one.input.json"));

            broker.sendBytes("acme.ping", sample, m -> { });

            await().atMost(Duration.ofSeconds(30)).until(() -> !broker.browse("cem.quarantine", "DEV-1").isEmpty());
            String reason = broker.browse("cem.quarantine", "DEV-1").get(0).properties().get("cemReason");
            assertThat(reason).contains("acme-ping.jsonata").contains("position").contains("net.ping.rtt");
            JsonNode listed = http.get("/api/v1/adapters").json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("id").asText()).isEqualTo("acme-ping");
            assertThat(listed.get(0).path("status").asText()).isEqualTo("started");

            Files.writeString(mapping, MAPPING);
            Files.setLastModifiedTime(mapping, FileTime.from(Instant.now().plusSeconds(5)));
            Http.Response replay = http.post("/api/v1/quarantine/replay", "{\"adapter\":\"acme-ping\"}");

            assertThat(replay.json().path("replayed").asInt()).as(replay.toString()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.about("acme/DEV-1/2026-11-22T10:00:00Z").isEmpty());
            JsonNode measurement = events.about("acme/DEV-1/2026-11-22T10:00:00Z").get(0).path("event").path("measurement");
            assertThat(measurement.path("value").asDouble()).isEqualTo(12.5);
            assertThat(measurement.path("source").path("system").asText()).isEqualTo("acme");
            assertThat(broker.browse("cem.quarantine", "DEV-1")).isEmpty();

            broker.sendBytes("acme.ping", "{\"device\":\"DEV-2\",\"rttMs\":3,\"at\":\"2026-11-22T10:01:00Z\"}"
                    .getBytes(StandardCharsets.UTF_8), m -> { });
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.about("acme/DEV-2/2026-11-22T10:01:00Z").isEmpty());
        }
    }

    @Test
    void aHubWhoseAdapterFoldersDoNotExistStartsWithNoAdaptersInsteadOfFailing() {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CemHubApplication.class).profiles("test")
                .run("--cem.data-dir=" + dir.resolve("data"), "--server.port=0", "--cem.snmp.traps.port=0",
                        "--cem.broker.in-vm-id=" + FreePorts.nextInVmId(),
                        "--cem.broker.acceptor=tcp://127.0.0.1:" + FreePorts.next(),
                        "--cem.adapters.dir=" + dir.resolve("none/adapters"),
                        "--cem.adapters.mappings-dir=" + dir.resolve("none/mappings"),
                        "--cem.adapters.routes-dir=" + dir.resolve("none/routes"))) {
            Http http = new Http("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
            assertThat(http.get("/api/v1/adapters").json()).isEmpty();
            assertThat(http.post("/ingest/wisla-vpn", "{}").status()).isEqualTo(404);
            assertThat(dir.resolve("none/adapters")).as("created, empty, for the operator to fill").isEmptyDirectory();
        }
    }
}
