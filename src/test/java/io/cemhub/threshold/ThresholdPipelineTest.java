package io.cemhub.threshold;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.model.Alarm;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Thresholds evaluated inline: measurements in, TMF642 notifications out right after their cause. */
class ThresholdPipelineTest extends EventsTestSupport {

    @Autowired
    RuleService rules;
    @Autowired
    AlarmStore alarms;

    private void send(String id, String service, double value) {
        assertThat(http().post("/api/v1/measurements", TestRecords.measurementJson(id, service, "vpn.jitter", value))
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about(id).size() == 1);
    }

    @Test
    void aSeriesRaisesEscalatesAndClearsOneAlarm() {
        String service = "S-THR-" + run;
        rules.save(new ThresholdRule("jitter-" + run, null, "vpn.jitter", new Scope(Scope.Type.SERVICE, service),
                Direction.ABOVE, Map.of(Severity.WARNING, new Level(10, 5), Severity.CRITICAL, new Level(50, 30)),
                1, 0, null, true, null), "test");

        send("a-" + run, service, 1);
        send("b-" + run, service, 12);
        send("c-" + run, service, 60);
        send("d-" + run, service, 20);
        send("e-" + run, service, 3);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.causedBy("e-" + run).size() == 1);
        assertThat(events.causedBy("a-" + run)).isEmpty();
        JsonNode raised = events.causedBy("b-" + run).get(0);
        assertThat(raised.path("eventType").asText()).isEqualTo("AlarmCreateEvent");
        assertThat(raised.path("domain").asText()).isEqualTo("alarm");
        JsonNode alarm = raised.path("event").path("alarm");
        assertThat(alarm.path("perceivedSeverity").asText()).isEqualTo("warning");
        assertThat(alarm.path("state").asText()).isEqualTo("raised");
        assertThat(alarm.path("alarmedObject").asText()).isEqualTo(service);
        assertThat(alarm.path("ruleId").asText()).isEqualTo("jitter-" + run);
        assertThat(alarm.path("ruleVersion").asInt()).isEqualTo(1);
        assertThat(alarm.path("crossedThresholdInformation").path("observedValue").asText()).isEqualTo("12.0");
        String alarmId = alarm.path("id").asText();

        JsonNode escalated = events.causedBy("c-" + run).get(0);
        assertThat(escalated.path("eventType").asText()).isEqualTo("AlarmAttributeValueChangeEvent");
        assertThat(escalated.path("event").path("alarm").path("perceivedSeverity").asText()).isEqualTo("critical");
        assertThat(escalated.path("event").path("alarm").path("id").asText()).isEqualTo(alarmId);

        JsonNode deescalated = events.causedBy("d-" + run).get(0);
        assertThat(deescalated.path("event").path("alarm").path("perceivedSeverity").asText()).isEqualTo("warning");

        JsonNode cleared = events.causedBy("e-" + run).get(0);
        assertThat(cleared.path("eventType").asText()).isEqualTo("AlarmStateChangeEvent");
        assertThat(cleared.path("event").path("alarm").path("perceivedSeverity").asText()).isEqualTo("cleared");
        assertThat(cleared.path("event").path("alarm").path("id").asText()).isEqualTo(alarmId);

        // Each notification follows the measurement that caused it on the topic.
        List<String> order = events.events(e -> e.path("correlationId").asText().endsWith(run)).stream()
                .map(e -> e.path("correlationId").asText().charAt(0) + ":" + e.path("eventType").asText()).toList();
        assertThat(order).containsExactly("a:MeasurementCreateEvent", "b:MeasurementCreateEvent", "b:AlarmCreateEvent",
                "c:MeasurementCreateEvent", "c:AlarmAttributeValueChangeEvent", "d:MeasurementCreateEvent",
                "d:AlarmAttributeValueChangeEvent", "e:MeasurementCreateEvent", "e:AlarmStateChangeEvent");

        Alarm stored = alarms.find(alarmId).orElseThrow();
        assertThat(stored.state()).isEqualTo("cleared");
        assertThat(stored.alarmClearedTime()).isNotNull();
        assertThat(alarms.list(new AlarmFilter(null, null, service, null, null, null, null), 0, 10)).hasSize(1);
    }

    @Test
    void aChangedRuleAppliesToTheNextMeasurementWithoutRestart() {
        String service = "S-CHG-" + run;
        ThresholdRule loose = new ThresholdRule("chg-" + run, null, "vpn.jitter", new Scope(Scope.Type.SERVICE, service),
                Direction.ABOVE, Map.of(Severity.MAJOR, new Level(100, 90)), 1, 0, null, true, null);
        rules.save(loose, "test");
        send("p-" + run, service, 20);
        assertThat(events.causedBy("p-" + run)).isEmpty();

        ThresholdRule tight = new ThresholdRule("chg-" + run, null, "vpn.jitter", new Scope(Scope.Type.SERVICE, service),
                Direction.ABOVE, Map.of(Severity.MAJOR, new Level(10, 5)), 1, 0, null, true, null);
        assertThat(rules.save(tight, "operator-1").version()).isEqualTo(2);
        send("q-" + run, service, 20);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.causedBy("q-" + run).size() == 1);
        assertThat(events.causedBy("q-" + run).get(0).path("event").path("alarm").path("ruleVersion").asInt()).isEqualTo(2);
        assertThat(rules.audit("chg-" + run)).extracting(RuleStore.AuditEntry::actor).containsExactly("test", "operator-1");
    }

    @Test
    void seedRulesComeFromTheConfigFile() {
        assertThat(rules.all()).extracting(ThresholdRule::id).contains("vpn-rtt", "vpn-rtt-vip", "vpn-availability");
    }
}
