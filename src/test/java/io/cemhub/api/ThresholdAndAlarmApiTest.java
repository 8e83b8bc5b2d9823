package io.cemhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ThresholdAndAlarmApiTest extends EventsTestSupport {

    private static String rule(String service, double raise, double clear) {
        return "{\"metric\":\"vpn.jitter\",\"scope\":{\"type\":\"service\",\"value\":\"" + service + "\"},"
                + "\"direction\":\"above\",\"levels\":{\"major\":{\"raise\":" + raise + ",\"clear\":" + clear + "}}}";
    }

    private void measure(String id, String service, double value, int minute) {
        String json = "{\"id\":\"" + id + "\",\"serviceId\":\"" + service + "\",\"metric\":\"vpn.jitter\",\"value\":"
                + value + ",\"observedAt\":\"2026-11-22T10:" + String.format("%02d", minute) + ":00Z\"}";
        assertThat(http().post("/api/v1/measurements", json).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about(id).size() == 1);
    }

    @Test
    void rulesAreValidatedVersionedAndAudited() {
        Http http = http();
        Http.Response bad = http.put("/api/v1/thresholds/r-" + run, rule("S", 5, 10));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().path("errors").get(0).asText()).contains("wrong side");

        assertThat(http.put("/api/v1/thresholds/r-" + run, rule("S", 10, 5)).json().path("version").asInt()).isEqualTo(1);
        assertThat(http.put("/api/v1/thresholds/r-" + run, rule("S", 20, 5)).json().path("version").asInt()).isEqualTo(2);
        JsonNode audit = http.get("/api/v1/thresholds/r-" + run + "/audit").json();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1).path("oldJson").asText()).contains("10.0");
        assertThat(audit.get(1).path("newJson").asText()).contains("20.0");
        assertThat(audit.get(1).path("actor").asText()).as("the logged-in user").isEqualTo("admin");
        assertThat(http.post("/api/v1/thresholds", "{\"id\":\"r-" + run + "\"," + rule("S", 1, 0).substring(1)).status())
                .isEqualTo(409);
        assertThat(http.delete("/api/v1/thresholds/r-" + run).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/thresholds/r-" + run).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/thresholds/r-" + run + "/audit").json()).hasSize(3);
    }

    @Test
    void operatorsListAcknowledgeAndClearAlarmsAndSubscribersHearOfIt() {
        String service = "S-API-" + run;
        assertThat(http().put("/api/v1/thresholds/a-" + run, rule(service, 10, 5)).status()).isEqualTo(200);
        measure("m1-" + run, service, 50, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.causedBy("m1-" + run).size() == 1);

        Http.Response listed = http().get("/tmf-api/alarmManagement/v4/alarm?alarmedObject=" + service + "&state=raised");
        assertThat(listed.header("X-Total-Count")).isEqualTo("1");
        String id = listed.json().get(0).path("id").asText();
        assertThat(listed.json().get(0).path("perceivedSeverity").asText()).isEqualTo("major");

        Http.Response acked = http().patch("/tmf-api/alarmManagement/v4/alarm/" + id,
                "{\"ackState\":\"acknowledged\",\"ackUserId\":\"noc-7\",\"comment\":[{\"comment\":\"looking\"}]}");
        assertThat(acked.status()).as(acked.toString()).isEqualTo(200);
        assertThat(acked.json().path("ackState").asText()).isEqualTo("acknowledged");
        assertThat(acked.json().path("ackUserId").asText()).isEqualTo("noc-7");
        assertThat(acked.json().path("comment").get(0).path("comment").asText()).isEqualTo("looking");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.events(e -> "AlarmAttributeValueChangeEvent"
                .equals(e.path("eventType").asText()) && id.equals(e.path("event").path("alarm").path("id").asText())
                && "acknowledged".equals(e.path("event").path("alarm").path("ackState").asText())).size() == 1);

        Http.Response cleared = http().post("/tmf-api/alarmManagement/v4/clearAlarms",
                "{\"clearUserId\":\"noc-7\",\"alarmPattern\":[{\"alarmedObject\":\"" + service + "\"}]}");
        assertThat(cleared.status()).isEqualTo(201);
        assertThat(cleared.json().path("clearedAlarm").get(0).path("id").asText()).isEqualTo(id);
        assertThat(http().get("/tmf-api/alarmManagement/v4/alarm/" + id).json().path("state").asText()).isEqualTo("cleared");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.events(e -> "AlarmStateChangeEvent"
                .equals(e.path("eventType").asText()) && id.equals(e.path("event").path("alarm").path("id").asText())).size() == 1);

        assertThat(http().patch("/tmf-api/alarmManagement/v4/alarm/" + id, "{\"ackState\":\"maybe\"}").status()).isEqualTo(400);
        assertThat(http().get("/tmf-api/alarmManagement/v4/alarm/nope").status()).isEqualTo(404);
        assertThat(http().post("/tmf-api/alarmManagement/v4/ackAlarms", "{\"alarmPattern\":[{\"colour\":\"red\"}]}").status())
                .isEqualTo(400);
    }

    @Test
    void aBacktestCountsWhatAProposedRuleWouldHaveDoneBesideTheCurrentOne() {
        String service = "S-BT-" + run;
        assertThat(http().put("/api/v1/thresholds/bt-" + run, rule(service, 100, 90)).status()).isEqualTo(200);
        double[] values = {1, 20, 2, 30, 3};
        for (int i = 0; i < values.length; i++) {
            measure("bt" + i + "-" + run, service, values[i], i);
        }
        Http.Response answer = http().post("/api/v1/thresholds/backtest", "{\"rule\":{\"id\":\"bt-" + run + "\","
                + rule(service, 10, 5).substring(1) + ",\"from\":\"2026-11-22T00:00:00Z\",\"to\":\"2026-11-23T00:00:00Z\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("proposed").path("raised").asInt()).isEqualTo(2);
        assertThat(answer.json().path("proposed").path("cleared").asInt()).isEqualTo(2);
        assertThat(answer.json().path("proposed").path("samples").asInt()).isEqualTo(5);
        assertThat(answer.json().path("current").path("raised").asInt()).isZero();
    }
}
