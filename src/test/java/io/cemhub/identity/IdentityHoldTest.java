package io.cemhub.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.EventCollector;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.MutableClock;
import io.cemhub.support.MutableClockConfiguration;
import io.cemhub.support.Soap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The identity hold: a record whose id is not known yet waits (durably) without blocking its partition,
 * and flows on once the mapping arrives (CRM notification, REST registry write), in the order it came; after
 * the horizon it flows on flagged unresolved. One partition, so every record shares one.
 */
@TestPropertySource(properties = {"cem.identity.hold-horizon=PT1H", "cem.identity.hold-sweep=1s",
        "cem.ingest.partitions=1"})
@Import(MutableClockConfiguration.class)
class IdentityHoldTest extends EventsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MutableClock clock;

    static String vpnMeasurement(String id, String tunnel, double value) {
        return "{\"id\":\"" + id + "\",\"source\":{\"system\":\"wisla-vpn\"},\"serviceId\":\"" + tunnel
                + "\",\"metric\":\"vpn.rtt.avg\",\"value\":" + value + ",\"observedAt\":\"2026-11-22T09:00:00Z\"}";
    }

    long waitingFor(String ref) {
        JsonNode ids = http().get("/api/v1/identity/held").json().path("ids");
        for (JsonNode id : ids) {
            if (id.path("ref").asText().equals(ref)) {
                return id.path("records").asLong();
            }
        }
        return 0;
    }

    @Test
    void recordsOfAnUnknownTunnelWaitWithoutBlockingThePartitionAndFlowOnInOrderWhenTheCrmSendsTheCustomer() {
        String tunnel = "TUN-" + run + "-A";
        List<String> held = IntStream.range(0, 5).mapToObj(i -> "held-" + run + "-" + i).toList();
        String body = held.stream().map(id -> vpnMeasurement(id, tunnel, 10)).collect(Collectors.joining(",", "[", "]"));
        assertThat(http().post("/api/v1/measurements", body).status()).isEqualTo(202);
        // behind them in the same (only) partition: a native record of a service nobody masters flows on at once
        String behind = "{\"id\":\"behind-" + run + "\",\"serviceId\":\"NOBODY-" + run
                + "\",\"metric\":\"vpn.loss\",\"value\":1,\"observedAt\":\"2026-11-22T09:00:00Z\"}";
        assertThat(http().post("/api/v1/measurements", behind).status()).isEqualTo(202);

        await().atMost(WAIT).until(() -> events.about("behind-" + run).size() == 1);
        assertThat(events.about("behind-" + run).get(0).path("event").path("context").path("identity").asText())
                .isEqualTo("unresolved");
        await().atMost(WAIT).until(() -> waitingFor(tunnel) == 5);
        assertThat(held).allSatisfy(id -> assertThat(events.about(id)).isEmpty());
        assertThat(http().get("/api/v1/identity/held").json().path("waitingBySystem").path("wisla-vpn").asLong())
                .isGreaterThanOrEqualTo(5);

        Soap.Answer answer = Soap.post("http://127.0.0.1:" + port + "/services/crm",
                Soap.sample("customer-updated.request.xml", run));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);

        await().atMost(WAIT).until(() -> held.stream().allMatch(id -> events.about(id).size() == 1));
        List<String> order = events.events(e -> EventCollector.isRecordEvent(e)
                && e.path("correlationId").asText().startsWith("held-" + run)).stream()
                .map(e -> e.path("correlationId").asText()).toList();
        assertThat(order).containsExactlyElementsOf(held);
        JsonNode event = events.about(held.get(0)).get(0).path("event");
        assertThat(event.path("context").path("identity").asText()).isEqualTo("resolved");
        assertThat(event.path("measurement").path("serviceId").asText()).isEqualTo("S-" + run + "-VPN");
        assertThat(event.path("measurement").path("customerId").asText()).isEqualTo("C-" + run);
        assertThat(waitingFor(tunnel)).isZero();
    }

    @Test
    void aRegistryWriteThroughTheRestApiReleasesHeldRecordsToo() {
        String line = "LINE-" + run;
        assertThat(http().post("/api/v1/measurements", "{\"id\":\"rest-" + run + "\",\"source\":{\"system\":"
                + "\"wisla-speedtest\"},\"serviceId\":\"" + line + "\",\"metric\":\"speedtest.download.mbps\","
                + "\"value\":80,\"observedAt\":\"2026-11-22T09:00:00Z\"}").status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> waitingFor(line) == 1);

        assertThat(http().put("/api/v1/customers/RC-" + run, "{\"name\":\"Rest customer\",\"segment\":\"residential\","
                + "\"slaTier\":\"bronze\",\"status\":\"active\"}").status()).isEqualTo(201);
        assertThat(http().put("/api/v1/services/RS-" + run, "{\"customerId\":\"RC-" + run + "\",\"serviceType\":"
                + "\"broadband\",\"externalIds\":{\"wisla-speedtest\":\"" + line + "\"}}").status()).isEqualTo(201);

        await().atMost(WAIT).until(() -> events.about("rest-" + run).size() == 1);
        assertThat(events.about("rest-" + run).get(0).path("event").path("measurement").path("serviceId").asText())
                .isEqualTo("RS-" + run);
    }

    @Test
    void aHeldRecordFlowsOnFlaggedUnresolvedOnceTheHorizonHasPassed() {
        String tunnel = "TUN-NEVER-" + run;
        assertThat(http().post("/api/v1/measurements", vpnMeasurement("late-" + run, tunnel, 5)).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> waitingFor(tunnel) == 1);
        long expiredBefore = http().get("/api/v1/identity/held").json().path("sinceStart").path("releasedExpired").asLong();

        clock.advance(Duration.ofMinutes(61));

        await().atMost(WAIT).until(() -> events.about("late-" + run).size() == 1);
        JsonNode event = events.about("late-" + run).get(0).path("event");
        assertThat(event.path("context").path("identity").asText()).isEqualTo("unresolved");
        assertThat(event.path("measurement").path("serviceId").asText()).isEqualTo(tunnel);
        assertThat(waitingFor(tunnel)).isZero();
        assertThat(http().get("/api/v1/identity/held").json().path("sinceStart").path("releasedExpired").asLong())
                .isGreaterThan(expiredBefore);
    }
}
