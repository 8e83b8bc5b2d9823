package io.cemhub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.Http;
import io.cemhub.support.HubTestSupport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * /actuator/health: the broker, the database, Camel and each adapter, which is DEGRADED when too much of
 * its input is quarantined (driven here with poison input) and DOWN when its routes are stopped.
 */
@TestPropertySource(properties = {"cem.health.adapter-min-outcomes=3", "cem.health.adapter-quarantine-ratio=0.2"})
class HealthTest extends HubTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    CamelContext camel;

    /**
     * Camel's consumer checks are DOWN (camel.health.initial-state) until their first run, after the start
     * and after a route restarts: each test begins with a hub whose Camel is healthy and that leads.
     */
    @BeforeEach
    void camelIsHealthy() {
        // the file inbox is a run-once route: it starts once this hub has won the election (about 1 s)
        await().atMost(WAIT).until(() -> camel.getRouteController().getRouteStatus("wisla-speedtest-file").isStarted());
        await().atMost(WAIT).until(() -> http().get("/actuator/health").json().path("components")
                .path("camelHealth").path("status").asText().equals("UP"));
    }

    @Test
    void healthShowsBrokerDatabaseCamelAndEveryAdapter() {
        Http.Response answer = http().get("/actuator/health");
        JsonNode components = answer.json().path("components");

        assertThat(components.path("broker").path("status").asText()).as(answer.toString()).isEqualTo("UP");
        assertThat(components.path("broker").path("details").path("mode").asText()).isEqualTo("embedded");
        assertThat(components.path("broker").path("details").path("session").asText()).isEqualTo("opened");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("camelHealth").path("status").asText()).isEqualTo("UP");
        JsonNode adapters = components.path("adapters").path("components");
        assertThat(adapters.has("wisla-vpn") && adapters.has("wisla-speedtest")).as(answer.toString()).isTrue();
        assertThat(adapters.path("wisla-speedtest").path("details").path("routes").path("wisla-speedtest-file").asText())
                .isEqualTo("started");
        assertThat(components.has("jms")).as("the broker component replaces Boot's jms one").isFalse();

        JsonNode readiness = http().get("/actuator/health/readiness").json();
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("broker") && readiness.path("components").has("db")).isTrue();
        assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void anAdapterWhoseInputIsMostlyQuarantinedIsDegradedUntilGoodInputOutweighsIt() throws IOException {
        for (int i = 0; i < 3; i++) {
            Http.Response poison = http().post("/ingest/wisla-vpn",
                    MetricsTest.vpnSample("bad-values.poison.json", "PRB-health-bad-" + i));
            assertThat(poison.status()).as(poison.toString()).isEqualTo(400);
        }

        Http.Response degraded = http().get("/actuator/health");
        JsonNode vpn = degraded.json().path("components").path("adapters").path("components").path("wisla-vpn");
        assertThat(vpn.path("status").asText()).as(degraded.toString()).isEqualTo("DEGRADED");
        assertThat(vpn.path("details").path("quarantined").asLong()).isEqualTo(3);
        assertThat(vpn.path("details").path("reason").asText()).contains("quarantined");
        assertThat(degraded.json().path("status").asText()).as(degraded.toString()).isEqualTo("DEGRADED");
        assertThat(degraded.status()).as("DEGRADED still serves").isEqualTo(200);
        assertThat(adapterStatus("wisla-speedtest")).isEqualTo("UP");

        for (int i = 0; i < 2; i++) {
            Http.Response good = http().post("/ingest/wisla-vpn",
                    MetricsTest.vpnSample("two-tunnels.input.json", "PRB-health-good-" + i));
            assertThat(good.status()).as(good.toString()).isEqualTo(202);
        }
        // 3 quarantined of 23 outcomes: below 20 %
        assertThat(adapterStatus("wisla-vpn")).isEqualTo("UP");
    }

    @Test
    void anAdapterIsDegradedWithSomeRoutesStoppedAndDownWithAll() throws Exception {
        try {
            camel.getRouteController().stopRoute("wisla-speedtest-file");
            assertThat(adapterStatus("wisla-speedtest")).isEqualTo("DEGRADED");

            camel.getRouteController().stopRoute("wisla-speedtest-rest");
            Http.Response down = http().get("/actuator/health");
            JsonNode speedtest = down.json().path("components").path("adapters").path("components").path("wisla-speedtest");
            assertThat(speedtest.path("status").asText()).as(down.toString()).isEqualTo("DOWN");
            assertThat(speedtest.path("details").path("routes").path("wisla-speedtest-rest").asText()).isEqualTo("stopped");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().path("status").asText()).isEqualTo("DOWN");
            // An adapter is one source among many: the hub stays ready for the others.
            assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
        } finally {
            camel.getRouteController().startRoute("wisla-speedtest-file");
            camel.getRouteController().startRoute("wisla-speedtest-rest");
        }
        await().atMost(WAIT).until(() -> adapterStatus("wisla-speedtest").equals("UP"));
    }

    private String adapterStatus(String adapter) {
        return http().get("/actuator/health/adapters/" + adapter).json().path("status").asText();
    }
}
