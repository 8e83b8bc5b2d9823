package io.cemhub.threshold;

import io.cemhub.model.Alarm;
import io.cemhub.support.EventsTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Silenced and flapping alarms: evaluation goes on, the alarm is marked, notifications are held. */
class HeldNotificationsTest extends EventsTestSupport {

    @Autowired
    RuleService rules;
    @Autowired
    AlarmStore alarms;
    @Autowired
    MeasurementStore measurements;
    @Autowired
    MeasurementRetention retention;

    private void rule(String service) {
        rules.save(new ThresholdRule("held-" + service, null, "vpn.jitter", new Scope(Scope.Type.SERVICE, service),
                Direction.ABOVE, Map.of(Severity.MAJOR, new Level(10, 5)), 1, 0, null, true, null), "test");
    }

    private void send(String id, String service, double value, Instant observedAt) {
        String json = "{\"id\":\"" + id + "\",\"serviceId\":\"" + service + "\",\"metric\":\"vpn.jitter\",\"value\":"
                + value + ",\"observedAt\":\"" + observedAt + "\"}";
        assertThat(http().post("/api/v1/measurements", json).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about(id).size() == 1);
    }

    @Test
    void aSilencedServiceRaisesAMarkedAlarmButNoNotification() {
        String service = "S-SIL-" + run;
        rule(service);
        var created = http().post("/api/v1/silences", "{\"scopeType\":\"service\",\"scopeValue\":\"" + service
                + "\",\"endsAt\":\"" + Instant.now().plusSeconds(3600) + "\",\"reason\":\"router swap\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        send("sil-" + run, service, 50, Instant.now().minusSeconds(60));
        // The notification would have been published in the same JMS transaction as the measurement's event.
        assertThat(events.causedBy("sil-" + run)).isEmpty();
        List<Alarm> raised = alarms.list(new AlarmFilter("raised", null, service, null, null, null, null), 0, 10);
        assertThat(raised).singleElement().satisfies(a -> assertThat(a.silenced()).isTrue());

        assertThat(http().post("/api/v1/silences", "{\"scopeType\":\"planet\",\"scopeValue\":\"x\",\"endsAt\":\""
                + Instant.now().plusSeconds(60) + "\"}").status()).isEqualTo(400);
        assertThat(http().delete("/api/v1/silences/" + created.json().path("id").asText()).status()).isEqualTo(204);
    }

    @Test
    void aFlappingAlarmHoldsItsNotificationsUntilItIsStable() {
        String service = "S-FLAP-" + run;
        rule(service);
        Instant t0 = Instant.now().minus(Duration.ofHours(2));
        double[] values = {20, 1, 20, 1, 20, 1};
        for (int i = 0; i < values.length; i++) {
            send("f" + i + "-" + run, service, values[i], t0.plus(Duration.ofMinutes(i)));
        }
        // Raise, clear, raise, clear notified; the 5th and 6th transitions exceed 4 in 15 minutes: held.
        assertThat(events.causedBy("f3-" + run)).hasSize(1);
        assertThat(events.causedBy("f4-" + run)).isEmpty();
        assertThat(events.causedBy("f5-" + run)).isEmpty();
        assertThat(alarms.list(new AlarmFilter(null, null, service, null, null, null, null), 0, 10))
                .anySatisfy(a -> assertThat(a.flapping()).isTrue());

        // Half an hour later the old transitions have left the window: one notification says where it stands.
        send("stable-" + run, service, 1, t0.plus(Duration.ofMinutes(40)));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.causedBy("stable-" + run).size() == 1);
        var stable = events.causedBy("stable-" + run).get(0);
        assertThat(stable.path("eventType").asText()).isEqualTo("AlarmAttributeValueChangeEvent");
        assertThat(stable.path("event").path("alarm").path("flapping").asBoolean()).isFalse();
        assertThat(stable.path("event").path("alarm").path("state").asText()).isEqualTo("cleared");
    }

    @Test
    void measurementsOlderThanTheRetentionAreDeleted() {
        String service = "S-RET-" + run;
        send("old-" + run, service, 1, Instant.parse("2024-01-01T00:00:00Z"));
        send("new-" + run, service, 2, Instant.now().minusSeconds(60));
        assertThat(retention.purge()).isPositive();
        List<Double> left = new java.util.ArrayList<>();
        measurements.scan("vpn.jitter", service, Instant.EPOCH, Instant.now().plusSeconds(60), v -> left.add(v.value()));
        assertThat(left).containsExactly(2.0);
    }
}
