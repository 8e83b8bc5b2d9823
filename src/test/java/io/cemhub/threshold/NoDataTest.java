package io.cemhub.threshold;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.model.Alarm;
import io.cemhub.support.EventCollector;
import io.cemhub.support.HubTestSupport;
import io.cemhub.support.TestRecords;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The no-data rule: a series that stops reporting raises one alarm, and clears it when data comes back.
 * Silence is measured from the last observedAt against the hub's clock, so a measurement observed ten
 * minutes ago is already silent for a 60 s rule: no test waits for a real silence.
 */
@TestPropertySource(properties = "cem.thresholds.no-data-check=300ms")
class NoDataTest extends HubTestSupport {

    @Autowired
    ActiveMQConnectionFactory connectionFactory;
    @Autowired
    RuleService rules;
    @Autowired
    AlarmStore alarms;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String service = "S-ND-" + run;
    private EventCollector events;

    @BeforeEach
    void subscribe() {
        events = new EventCollector(connectionFactory, "nodata-" + run);
    }

    @AfterEach
    void unsubscribe() {
        events.unsubscribe();
    }

    @Test
    void aSilentSeriesRaisesOneAlarmThatClearsWhenDataResumes() {
        rules.save(rule(60), "test");
        send("a-" + run, Instant.now().minus(10, ChronoUnit.MINUTES));

        await().atMost(Duration.ofSeconds(20)).until(() -> noData(AlarmEvents.CREATE).size() == 1);
        // Later passes find the series silent still, but its alarm exists: no second one.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> noData(AlarmEvents.CREATE).size() == 1);
        JsonNode alarm = noData(AlarmEvents.CREATE).get(0).path("event").path("alarm");
        assertThat(alarm.path("alarmType").asText()).isEqualTo("communicationsAlarm");
        assertThat(alarm.path("perceivedSeverity").asText()).isEqualTo("major");
        assertThat(alarm.path("ruleId").asText()).isEqualTo("nd-" + run);
        assertThat(alarm.path("specificProblem").asText()).contains("vpn.jitter", "60 s");
        String alarmId = alarm.path("id").asText();

        send("b-" + run, Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> events.causedBy("b-" + run).size() == 1);
        JsonNode cleared = events.causedBy("b-" + run).get(0);
        assertThat(cleared.path("eventType").asText()).isEqualTo(AlarmEvents.STATE_CHANGE);
        assertThat(cleared.path("event").path("alarm").path("id").asText()).isEqualTo(alarmId);
        assertThat(cleared.path("event").path("alarm").path("perceivedSeverity").asText()).isEqualTo("cleared");
        assertThat(alarms.find(alarmId).map(Alarm::state)).contains(AlarmFactory.CLEARED);

        // Reporting again: the monitor neither raises anew nor notifies the clear a second time.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> noData(AlarmEvents.CREATE).size() == 1 && noData(AlarmEvents.STATE_CHANGE).size() == 1);
    }

    @Test
    void switchingTheCheckOffClearsTheAlarm() {
        rules.save(rule(60), "test");
        send("c-" + run, Instant.now().minus(10, ChronoUnit.MINUTES));
        await().atMost(Duration.ofSeconds(20)).until(() -> noData(AlarmEvents.CREATE).size() == 1);

        rules.save(rule(null), "test");
        await().atMost(Duration.ofSeconds(20)).until(() -> noData(AlarmEvents.STATE_CHANGE).size() == 1);
        assertThat(noData(AlarmEvents.STATE_CHANGE).get(0).path("event").path("alarm").path("id").asText())
                .isEqualTo(noData(AlarmEvents.CREATE).get(0).path("event").path("alarm").path("id").asText());
    }

    @Test
    void theFieldTravelsInJsonAndMustBePositive() throws Exception {
        ThresholdRule parsed = TestRecords.JSON.readValue(TestRecords.JSON.writeValueAsString(rule(90)),
                ThresholdRule.class);
        assertThat(parsed.noDataSeconds()).isEqualTo(90);
        assertThat(TestRecords.JSON.writeValueAsString(rule(null))).doesNotContain("noDataSeconds");
        assertThat(new RuleValidator(TestRecords.catalogue()).problems(rule(0)))
                .anyMatch(p -> p.startsWith("noDataSeconds"));
    }

    private ThresholdRule rule(Integer noDataSeconds) {
        // Levels far beyond the values sent: only the no-data check can raise.
        return new ThresholdRule("nd-" + run, null, "vpn.jitter", new Scope(Scope.Type.SERVICE, service),
                Direction.ABOVE, Map.of(Severity.WARNING, new Level(1000, 900)), 1, 0, null, true, null, noDataSeconds);
    }

    private void send(String id, Instant observedAt) {
        String json = "{\"id\":\"" + id + "\",\"serviceId\":\"" + service + "\",\"metric\":\"vpn.jitter\",\"value\":1,"
                + "\"observedAt\":\"" + observedAt + "\"}";
        assertThat(http().post("/api/v1/measurements", json).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about(id).size() == 1);
    }

    private List<JsonNode> noData(String eventType) {
        return events.events(e -> eventType.equals(e.path("eventType").asText())
                && service.equals(e.path("event").path("alarm").path("alarmedObject").asText())
                && NoDataAlarms.PROBABLE_CAUSE.equals(e.path("event").path("alarm").path("probableCause").asText()));
    }
}
