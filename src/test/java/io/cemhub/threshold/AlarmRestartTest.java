package io.cemhub.threshold;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.CemHubApplication;
import io.cemhub.support.EventCollector;
import io.cemhub.support.Http;
import io.cemhub.support.TestHubArgs;
import io.cemhub.support.TestRecords;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An alarm raised before a restart is the same alarm after it: not raised again, cleared by value later. */
class AlarmRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CemHubApplication.class).profiles("test").run(TestHubArgs.of(dataDir));
    }

    private static void send(ConfigurableApplicationContext hub, EventCollector events, String id, double value) {
        Http http = new Http("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
        assertThat(http.post("/api/v1/measurements", TestRecords.measurementJson(id, "S-RST", "vpn.jitter", value))
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about(id).size() == 1);
    }

    @Test
    void alarmsAndSeriesStateSurviveARestart() {
        String alarmId;
        try (ConfigurableApplicationContext hub = start()) {
            hub.getBean(RuleService.class).save(new ThresholdRule("rst", null, "vpn.jitter",
                    new Scope(Scope.Type.SERVICE, "S-RST"), Direction.ABOVE, Map.of(Severity.MAJOR, new Level(10, 5)),
                    1, 0, null, true, null), "test");
            EventCollector events = new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "rst");
            send(hub, events, "r1", 50);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.causedBy("r1").size() == 1);
            alarmId = events.causedBy("r1").get(0).path("event").path("alarm").path("id").asText();
            events.close();
        }
        try (ConfigurableApplicationContext hub = start()) {
            EventCollector events = new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "rst");
            send(hub, events, "r2", 60);
            assertThat(events.causedBy("r2")).as("still in breach: no second alarm").isEmpty();
            send(hub, events, "r3", 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.causedBy("r3").size() == 1);
            JsonNode cleared = events.causedBy("r3").get(0);
            assertThat(cleared.path("eventType").asText()).isEqualTo("AlarmStateChangeEvent");
            assertThat(cleared.path("event").path("alarm").path("id").asText()).isEqualTo(alarmId);
            assertThat(hub.getBean(AlarmStore.class).list(new AlarmFilter(null, null, "S-RST", null, null, null, null),
                    0, 10)).extracting(a -> a.id()).isEqualTo(List.of(alarmId));
            events.unsubscribe();
        }
    }
}
