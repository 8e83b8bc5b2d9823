package io.cemhub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.CemHubApplication;
import io.cemhub.support.EventCollector;
import io.cemhub.support.TestHubArgs;
import io.cemhub.support.Http;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records accepted (202) while the pipeline is not consuming survive a stop of the whole hub and are
 * processed after the restart: none lost, none twice.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(boolean pipelineRunning) {
        return new SpringApplicationBuilder(CemHubApplication.class)
                .profiles("test")
                .run(TestHubArgs.of(dataDir, "--cem.pipeline.auto-startup=" + pipelineRunning));
    }

    private static Http http(ConfigurableApplicationContext hub) {
        return new Http("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void acceptedRecordsAreProcessedAfterARestartNoneLostNoneTwice() {
        List<String> ids = IntStream.range(0, 500).mapToObj(i -> "restart-" + i).toList();
        try (ConfigurableApplicationContext hub = start(false)) {
            assertThat(dataDir.resolve("broker/journal")).as("the hub keeps its journal where it was told").isDirectory();
            // A subscriber's durable subscription exists before anything is published.
            new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "restart-subscriber").close();
            for (int post = 0; post < 5; post++) {
                String batch = ids.subList(post * 100, post * 100 + 100).stream()
                        .map(id -> TestRecords.measurementJson(id, "S-" + (id.hashCode() % 37), "vpn.loss", 1))
                        .collect(Collectors.joining(",", "[", "]"));
                Http.Response answer = http(hub).post("/api/v1/measurements", batch);
                assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            }
        }

        try (ConfigurableApplicationContext hub = start(true)) {
            EventCollector events = new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "restart-subscriber");
            await().atMost(Duration.ofSeconds(30)).until(() -> events.recordEvents().size() >= ids.size());
            Map<String, Long> perRecord = events.recordEvents().stream()
                    .collect(Collectors.groupingBy(e -> e.path("correlationId").asText(), Collectors.counting()));
            assertThat(perRecord.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(perRecord.values()).containsOnly(1L);
            assertThat(events.recordEvents().stream().map(e -> e.path("eventId").asText()).distinct().count())
                    .isEqualTo(ids.size());
            events.unsubscribe();
        }
    }
}
