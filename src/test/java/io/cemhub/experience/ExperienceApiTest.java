package io.cemhub.experience;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** KPI history from the rollups over REST: values, repeats counted once, a customer's services merged, who sees what. */
class ExperienceApiTest extends EventsTestSupport {

    private static final String HOUR = "2026-11-20T10:";

    private String measurement(String id, String service, String metric, double value, int minute) {
        return "{\"id\":\"" + id + "\",\"serviceId\":\"" + service + "\",\"metric\":\"" + metric + "\",\"value\":" + value
                + ",\"observedAt\":\"" + HOUR + String.format("%02d", minute) + ":00Z\"}";
    }

    private void send(List<String> records) {
        Http.Response r = http().post("/api/v1/measurements", "[" + String.join(",", records) + "]");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    private void register(String customer, String... services) {
        assertThat(http().put("/api/v1/customers/" + customer, "{\"name\":\"Experience " + customer
                + "\",\"segment\":\"business\",\"slaTier\":\"gold\"}").status()).isIn(200, 201);
        for (String s : services) {
            assertThat(http().put("/api/v1/services/" + s, "{\"customerId\":\"" + customer + "\",\"serviceType\":\"vpn\"}")
                    .status()).isIn(200, 201);
        }
    }

    @Test
    void serviceHistoryComesFromRollupsAndARepeatedMeasurementCountsOnce() {
        String c = "XC-" + run;
        String s = "XS-" + run;
        register(c, s);
        List<String> first = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            first.add(measurement("x" + i + "-" + run, s, "vpn.rtt.avg", i, i));
        }
        send(first);
        // the same records again (a source retrying): stored and counted once, their events go out again
        send(first.subList(0, 10));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about("x10-" + run).size() == 2);

        JsonNode history = http().get("/api/v1/services/" + s + "/kpis?metric=vpn.rtt.avg&from=2026-11-20T00:00:00Z"
                + "&to=2026-11-21T00:00:00Z").json();
        JsonNode point = history.path("series").get(0).path("points").get(0);
        assertThat(history.path("granularity").asText()).isEqualTo("hour");
        assertThat(point.path("start").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(point.path("count").asLong()).isEqualTo(40);
        assertThat(point.path("min").asDouble()).isEqualTo(1);
        assertThat(point.path("max").asDouble()).isEqualTo(40);
        assertThat(point.path("avg").asDouble()).isEqualTo(20.5);
        assertThat(point.path("p95").asDouble()).isCloseTo(38, within(38 * 0.05));

        JsonNode days = http().get("/api/v1/services/" + s + "/kpis?granularity=day&from=2026-11-01T00:00:00Z"
                + "&to=2026-11-30T00:00:00Z").json();
        assertThat(days.path("series").get(0).path("points").get(0).path("count").asLong()).isEqualTo(40);
    }

    @Test
    void aCustomersHistoryMergesItsServices() {
        String c = "XM-" + run;
        register(c, "XM1-" + run, "XM2-" + run);
        send(List.of(measurement("a-" + run, "XM1-" + run, "vpn.loss", 1, 5),
                measurement("b-" + run, "XM2-" + run, "vpn.loss", 3, 6),
                measurement("c-" + run, "XM2-" + run, "vpn.loss", 5, 7)));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about("c-" + run).size() == 1);
        JsonNode point = http().get("/api/v1/customers/" + c + "/kpis?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z")
                .json().path("series").get(0).path("points").get(0);
        assertThat(point.path("count").asLong()).isEqualTo(3);
        assertThat(point.path("avg").asDouble()).isEqualTo(3);
        assertThat(point.path("max").asDouble()).isEqualTo(5);
    }

    @Test
    void theIndexFollowsSlaComplianceAndABandChangeIsAnnouncedToSubscribers() {
        String c = "XI-" + run;
        String s = "XIS-" + run;
        register(c, s);
        assertThat(http().put("/api/v1/services/" + s, "{\"customerId\":\"" + c + "\",\"serviceType\":\"vpn\","
                + "\"characteristics\":{\"availabilityPct\":99.5}}").status()).isEqualTo(200);
        java.time.Instant hour = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        send(List.of(availability("g-" + run, s, 99.9, hour.minusSeconds(6 * 3600))));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about("g-" + run).size() == 1);
        http().post("/api/v1/experience/recompute", "{}");
        JsonNode first = http().get("/api/v1/customers/" + c + "/experience").json();
        assertThat(first.path("current").path("band").asText()).isEqualTo("ideal");
        assertThat(first.path("current").path("score").asDouble()).isEqualTo(100);
        assertThat(first.path("trend")).hasSize(1);

        // four hours below the contracted 99.5 %: 1 of 5 hours complied -> SLA part 20 -> score at most 68, average
        // (the seeded availability rule also raises an alarm, whose open minutes cost a little more)
        List<String> bad = new ArrayList<>();
        for (int h = 1; h <= 4; h++) {
            bad.add(availability("b" + h + "-" + run, s, 97, hour.minusSeconds(h * 3600L)));
        }
        send(bad);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about("b4-" + run).size() == 1);
        assertThat(http().post("/api/v1/experience/recompute", "{}").json().path("bandChanges").asInt()).isPositive();
        JsonNode now = http().get("/api/v1/customers/" + c + "/experience").json().path("current");
        assertThat(now.path("band").asText()).isEqualTo("average");
        assertThat(now.path("score").asDouble()).isBetween(60.0, 68.0);
        assertThat(now.path("parts").path("slaScore").asDouble()).isEqualTo(20);

        await().atMost(Duration.ofSeconds(10)).until(() -> !events.events(e -> "CustomerExperienceChangeEvent"
                .equals(e.path("eventType").asText()) && c.equals(e.path("correlationId").asText())).isEmpty());
        JsonNode change = events.events(e -> c.equals(e.path("correlationId").asText())).get(0)
                .path("event").path("customerExperience");
        assertThat(change.path("previousBand").asText()).isEqualTo("ideal");
        assertThat(change.path("band").asText()).isEqualTo("average");
        assertThat(change.path("segment").asText()).isEqualTo("business");

        JsonNode sla = http().get("/api/v1/customers/" + c + "/sla").json();
        assertThat(sla.path("compliancePct").asDouble()).isEqualTo(20);
        assertThat(sla.path("services").get(0).path("metrics").toString()).contains("\"metric\":\"vpn.availability\",\"target\":99.5");
        assertThat(http().get("/api/v1/experience/distribution").json().path("business").path("average").path("customers")
                .asLong()).isPositive();
    }

    private static String availability(String id, String service, double value, java.time.Instant at) {
        return "{\"id\":\"" + id + "\",\"serviceId\":\"" + service + "\",\"metric\":\"vpn.availability\",\"value\":"
                + value + ",\"observedAt\":\"" + at.plusSeconds(60) + "\"}";
    }

    @Test
    void aCustomerSeesItsOwnServicesOnlyAndBadParametersAreProblems() {
        register("CUST-OWN", "XO-" + run);
        register("XN-" + run, "XN1-" + run);
        Http customer = http().as("customer");
        assertThat(customer.get("/api/v1/services/XO-" + run + "/kpis").status()).isEqualTo(200);
        assertThat(customer.get("/api/v1/services/XN1-" + run + "/kpis").status()).isEqualTo(404);
        assertThat(customer.get("/api/v1/customers/CUST-OWN/kpis").status()).isEqualTo(200);
        assertThat(customer.get("/api/v1/customers/XN-" + run + "/kpis").status()).isEqualTo(403);
        assertThat(http().as("source").get("/api/v1/services/XO-" + run + "/kpis").status()).isEqualTo(403);

        Http.Response bad = http().get("/api/v1/services/XO-" + run + "/kpis?granularity=minute");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http().get("/api/v1/services/XO-" + run + "/kpis?from=yesterday").status()).isEqualTo(400);
        assertThat(http().get("/api/v1/services/XO-" + run + "/kpis?granularity=hour&from=2020-01-01T00:00:00Z").status())
                .as("too many buckets").isEqualTo(400);
    }
}
