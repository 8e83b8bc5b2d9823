package io.cemhub.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.CemHubApplication;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.support.EventCollector;
import io.cemhub.support.Http;
import io.cemhub.support.TestHubArgs;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Held records are rows in the database: a full stop of the hub loses none, and they flow once known. */
class HoldRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CemHubApplication.class).profiles("test")
                .run(TestHubArgs.of(dataDir, "--cem.identity.hold-horizon=PT1H", "--cem.identity.hold-sweep=1s"));
    }

    private static Http http(ConfigurableApplicationContext hub) {
        return new Http("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void heldRecordsSurviveARestartAndFlowResolvedOnceTheirTunnelIsKnown() {
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> "kept-" + i).toList();
        try (ConfigurableApplicationContext hub = start()) {
            new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "hold-restart").close();
            String batch = ids.stream().map(id -> "{\"id\":\"" + id + "\",\"source\":{\"system\":\"wisla-vpn\"},"
                    + "\"serviceId\":\"TUN-LATER\",\"metric\":\"vpn.loss\",\"value\":0.1,"
                    + "\"observedAt\":\"2026-11-22T09:00:00Z\"}").collect(Collectors.joining(",", "[", "]"));
            assertThat(http(hub).post("/api/v1/measurements", batch).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> http(hub).get("/api/v1/identity/held").json()
                    .path("waiting").asLong() == ids.size());
        }

        try (ConfigurableApplicationContext hub = start()) {
            EventCollector events = new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "hold-restart");
            assertThat(http(hub).get("/api/v1/identity/held").json().path("waiting").asLong()).isEqualTo(ids.size());
            RegistryService registry = hub.getBean(RegistryService.class);
            registry.putCustomer(new Customer("C-LATER", "Later", "business", "silver", "active", Map.of()));
            registry.putService(new Service("S-LATER", "C-LATER", "vpn", Map.of(), Map.of("wisla-vpn", List.of("TUN-LATER"))));

            await().atMost(Duration.ofSeconds(60)).until(() -> events.recordEvents().size() >= ids.size());
            List<JsonNode> received = events.recordEvents();
            assertThat(received.stream().map(e -> e.path("correlationId").asText()).toList())
                    .containsExactlyElementsOf(ids);
            assertThat(received).allSatisfy(e -> assertThat(e.path("event").path("measurement").path("serviceId")
                    .asText()).isEqualTo("S-LATER"));
            assertThat(http(hub).get("/api/v1/identity/held").json().path("waiting").asLong()).isZero();
            events.unsubscribe();
        }
    }
}
