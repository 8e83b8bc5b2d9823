package io.cemhub.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.CemHubApplication;
import io.cemhub.support.Http;
import io.cemhub.support.TestHubArgs;
import io.cemhub.support.TestRecords;
import io.cemhub.support.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hubs on one lock directory (cem.cluster.dir): one leads and runs the run-once routes, the other
 * keeps them stopped; when the leader stops, the other takes over and starts them.
 */
class LeaderElectionTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SECRET = "leader-test-secret-0123456789";
    static final List<String> RUN_ONCE = List.of("cem-no-data-monitor", "cem-identity-hold-sweep",
            "cem-measurement-retention", "wisla-speedtest-file");

    @TempDir
    Path dir;

    ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(CemHubApplication.class).profiles("test")
                .run(TestHubArgs.of(dir.resolve(name), "--cem.cluster.dir=" + dir.resolve("cluster"),
                        "--cem.cluster.acquire-lock-interval=1s"));
    }

    static boolean leads(ConfigurableApplicationContext hub) {
        return hub.getBean(HubCluster.class).isLeader();
    }

    static ServiceStatus status(ConfigurableApplicationContext hub, String route) {
        CamelContext camel = hub.getBean(CamelContext.class);
        return camel.getRouteController().getRouteStatus(route);
    }

    static JsonNode clusterHealth(ConfigurableApplicationContext hub) {
        Http http = new Http("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
        return http.get("/actuator/health").json().path("components").path("cluster");
    }

    static double leaderGauge(ConfigurableApplicationContext hub) {
        return hub.getBean(MeterRegistry.class).get("cem.cluster.leader").gauge().value();
    }

    @Test
    void oneOfTwoHubsLeadsAndWhenItStopsTheOtherTakesOver() {
        ConfigurableApplicationContext a = start("a");
        ConfigurableApplicationContext b = start("b");
        try {
            await().atMost(WAIT).until(() -> leads(a) || leads(b));
            ConfigurableApplicationContext leader = leads(a) ? a : b;
            ConfigurableApplicationContext follower = leader == a ? b : a;
            assertThat(leads(follower)).as("one leader only").isFalse();
            await().atMost(WAIT).untilAsserted(() -> assertThat(RUN_ONCE)
                    .allSatisfy(route -> assertThat(status(leader, route)).as(route).isEqualTo(ServiceStatus.Started)));
            assertThat(RUN_ONCE).allSatisfy(route -> assertThat(status(follower, route)).as(route).isNotEqualTo(ServiceStatus.Started));
            assertThat(status(follower, "cem-pipeline")).as("every other route runs everywhere").isEqualTo(ServiceStatus.Started);

            JsonNode health = clusterHealth(follower);
            assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
            assertThat(health.path("details").path("role").asText()).isEqualTo("follower");
            JsonNode leaderHealth = clusterHealth(leader).path("details");
            assertThat(leaderHealth.path("role").asText()).isEqualTo("leader");
            assertThat(leaderHealth.path("leader").asText()).isEqualTo(leader.getBean(HubCluster.class).memberId());
            assertThat(leaderHealth.path("runOnceRoutes").path("cem-no-data-monitor").asText()).isEqualTo("Started");
            assertThat(leaderGauge(leader)).isEqualTo(1.0);
            assertThat(leaderGauge(follower)).isEqualTo(0.0);

            leader.close();
            await().atMost(WAIT).until(() -> leads(follower));
            await().atMost(WAIT).untilAsserted(() -> assertThat(RUN_ONCE)
                    .allSatisfy(route -> assertThat(status(follower, route)).as(route).isEqualTo(ServiceStatus.Started)));
            assertThat(clusterHealth(follower).path("details").path("role").asText()).isEqualTo("leader");
        } finally {
            Stream.of(a, b).filter(ConfigurableApplicationContext::isActive).forEach(ConfigurableApplicationContext::close);
        }
    }

    /**
     * Instances sharing a database share the waiting groups of a grouped subscription: only the leader notifies
     * them (else each instance would send every digest). Here the follower holds a group, and says nothing until
     * it leads.
     */
    @Test
    void aGroupedSubscriptionIsNotifiedByTheLeaderOnly() {
        ConfigurableApplicationContext a = start("a");
        ConfigurableApplicationContext b = start("b");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, n -> WebhookReceiver.Answer.ok())) {
            await().atMost(WAIT).until(() -> leads(a) || leads(b));
            ConfigurableApplicationContext leader = leads(a) ? a : b;
            ConfigurableApplicationContext follower = leader == a ? b : a;
            Http http = new Http("http://127.0.0.1:" + follower.getEnvironment().getProperty("local.server.port"));
            String service = "S-grouped-" + System.nanoTime();
            Http.Response created = http.post("/tmf-api/eventManagement/v4/hub", "{\"channel\":\"webhook\",\"callback\":\""
                    + receiver.url() + "\",\"secret\":\"" + SECRET + "\",\"query\":\"serviceId=" + service
                    + "&eventType=MeasurementCreateEvent\",\"groupBy\":[\"serviceId\"],\"groupWait\":\"PT1S\","
                    + "\"groupInterval\":\"PT1S\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String body = IntStream.range(0, 3).mapToObj(i -> TestRecords.measurementJson(service + "-m" + i, service,
                    "vpn.rtt.avg", 10)).collect(Collectors.joining(",", "[", "]"));
            Http.Response accepted = http.post("/api/v1/measurements", body);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            String id = created.json().path("id").asText();
            await("the follower took the events into their group").atMost(WAIT).until(() ->
                    http.get("/api/v1/subscriptions/" + id + "/status").json().path("pending").asLong() == 3);

            await("no notification from a follower").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.requests() == 0);

            leader.close();
            await().atMost(WAIT).until(() -> leads(follower));
            await("the new leader notified the group").atMost(WAIT).until(() -> receiver.distinctEventIds().size() == 3);
            assertThat(receiver.requests()).as("one digest").isEqualTo(1);
            assertThat(receiver.taken().get(0).path("groupKey").asText()).isEqualTo("serviceId=" + service);
        } finally {
            Stream.of(a, b).filter(ConfigurableApplicationContext::isActive).forEach(ConfigurableApplicationContext::close);
        }
    }
}
