package io.cemhub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.pipeline.EventFactory;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import io.cemhub.support.TestRecords;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The early-warning pass with the clock set by the on-demand call (at=, in October 2026): a service
 * burning its budget faster than the month allows is warned about once, with the projection's figures; a
 * complying one, one with too few hours and a silver one with room are not; subscribers filter the event.
 */
class SlaEarlyWarningTest extends EventsTestSupport {

    private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
    // a month before the real one: the scheduled pass (real clock) never looks at it
    private static final String AT = "2026-10-02T06:00:00Z";

    private void register(String customer, String tier, String service) {
        assertThat(http().put("/api/v1/customers/" + customer, "{\"name\":\"SLA " + customer
                + "\",\"segment\":\"business\",\"slaTier\":\"" + tier + "\"}").status()).isIn(200, 201);
        assertThat(http().put("/api/v1/services/" + service, "{\"customerId\":\"" + customer + "\",\"serviceType\":\"vpn\"}")
                .status()).isIn(200, 201);
    }

    /** One availability value per hour from October 1st, 00:30. */
    private void hourly(String service, int hours, double value) {
        List<String> records = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            records.add("{\"id\":\"" + service + "-" + h + "\",\"serviceId\":\"" + service
                    + "\",\"metric\":\"vpn.availability\",\"value\":" + value + ",\"observedAt\":\""
                    + OCTOBER.plus(Duration.ofMinutes(30 + 60L * h)) + "\"}");
        }
        Http.Response r = http().post("/api/v1/measurements", "[" + String.join(",", records) + "]");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    private long hoursStored(String service) {
        JsonNode series = http().get("/api/v1/services/" + service + "/kpis?metric=vpn.availability"
                + "&from=2026-10-01T00:00:00Z&to=2026-10-03T00:00:00Z").json().path("series");
        return series.isEmpty() ? 0 : series.get(0).path("points").size();
    }

    @Test
    void aServiceBurningItsBudgetTooFastIsWarnedAboutOnceWithTheProjection() throws Exception {
        String burning = "SW-" + run;
        String fine = "SF-" + run;
        String few = "SX-" + run;
        String silver = "SS-" + run;
        register("CW-" + run, "gold", burning);
        register("CF-" + run, "gold", fine);
        register("CX-" + run, "gold", few);
        register("CS-" + run, "silver", silver);
        String subscription = http().post("/tmf-api/eventManagement/v4/hub", "{\"channel\":\"jms\",\"query\":"
                + "\"eventType=SlaBudgetWarningEvent&slaTier=gold&customerId=CW-" + run + ",CF-" + run + "\"}")
                .json().path("id").asText();
        hourly(burning, 30, 99.0);
        hourly(fine, 30, 100);
        hourly(few, 5, 90);      // 50 of 74.4 used in 5 hours: fewer than min-hours (24), budget not gone
        hourly(silver, 30, 99.8); // 6 of 372 used
        await().atMost(Duration.ofSeconds(120)).until(() -> hoursStored(burning) == 30 && hoursStored(fine) == 30
                && hoursStored(few) == 5 && hoursStored(silver) == 30);

        assertThat(http().as("analyst").post("/api/v1/sla/early-warning?at=" + AT, "{}").status()).isEqualTo(403);
        assertThat(http().post("/api/v1/sla/early-warning?at=2999-01-01T00:00:00Z", "{}").status()).isEqualTo(400);
        JsonNode first = http().post("/api/v1/sla/early-warning?at=" + AT, "{}").json();
        assertThat(first.path("month").asText()).isEqualTo("2026-10");
        String eventId = EventFactory.stableId("SlaBudgetWarningEvent", burning, "vpn.availability", "2026-10");
        assertThat(sentFor(first, burning, fine, few, silver)).containsExactly(burning + "=" + eventId);

        JsonNode again = http().post("/api/v1/sla/early-warning?at=" + AT, "{}").json();
        assertThat(sentFor(again, burning, fine, few, silver)).as("a repeated pass sends nothing").isEmpty();
        assertThat(again.path("warned").asInt()).isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(120)).until(() -> !warnings(burning).isEmpty());
        JsonNode event = warnings(burning).get(0);
        assertThat(event.path("eventId").asText()).isEqualTo(eventId);
        assertThat(event.path("domain").asText()).isEqualTo("sla");
        JsonNode budget = event.path("event").path("slaBudget").path("budget");
        assertThat(event.path("event").path("slaBudget").path("customerId").asText()).isEqualTo("CW-" + run);
        assertThat(budget.path("month").asText()).isEqualTo("2026-10");
        assertThat(budget.path("target").asDouble()).isEqualTo(99.9);
        assertThat(budget.path("hoursInMonth").asInt()).isEqualTo(744);
        assertThat(budget.path("hoursWithData").asInt()).isEqualTo(30);
        assertThat(budget.path("average").asDouble()).isEqualTo(99.0);
        assertThat(budget.path("budget").asDouble()).isEqualTo(74.4);
        assertThat(budget.path("used").asDouble()).isEqualTo(30);
        assertThat(budget.path("projectedUse").asDouble()).isEqualTo(744);
        assertThat(budget.path("left").asDouble()).isEqualTo(44.4);
        // 1 %-hour per hour: the 44.4 left last 44.4 hours from AT
        assertThat(budget.path("exhaustsAt").asText()).isEqualTo("2026-10-04T02:24:00Z");
        for (String quiet : List.of(fine, few, silver)) {
            assertThat(warnings(quiet)).as(quiet).isEmpty();
        }
        assertThat(drain(subscription)).as("the subscription selects the gold customer's warning")
                .containsExactly(eventId);
        assertThat(warnings(burning)).hasSize(1);
    }

    private List<JsonNode> warnings(String service) {
        return events.events(e -> "SlaBudgetWarningEvent".equals(e.path("eventType").asText())
                && service.equals(e.path("correlationId").asText()));
    }

    private static List<String> sentFor(JsonNode result, String... services) {
        List<String> mine = List.of(services);
        List<String> sent = new ArrayList<>();
        for (JsonNode s : result.path("sent")) {
            if (mine.contains(s.path("serviceId").asText())) {
                sent.add(s.path("serviceId").asText() + "=" + s.path("eventId").asText());
            }
        }
        return sent;
    }

    private List<String> drain(String subscriptionId) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("cem.events::cem.sub." + subscriptionId));
            connection.start();
            for (TextMessage m = (TextMessage) consumer.receive(5000); m != null; m = (TextMessage) consumer.receive(500)) {
                ids.add(TestRecords.JSON.readTree(m.getText()).path("eventId").asText());
            }
        }
        return ids;
    }
}
