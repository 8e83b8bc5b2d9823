package io.cemhub.threshold;

import io.cemhub.pipeline.IngestPipelineRoute;
import io.cemhub.support.EventCollector;
import io.cemhub.support.HubTestSupport;
import io.cemhub.support.TestRecords;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub fails after the database committed an evaluation but before the JMS transaction committed
 * (here: the publish step throws once). The broker redelivers the message; the checkpoint recognises it
 * and publishes the stored alarm notification instead of evaluating again (which would find the series
 * already raised and lose the notification).
 */
@TestPropertySource(properties = "cem.test.context=checkpoint-recovery") // a hub of its own: its route is advised
class CheckpointRecoveryTest extends HubTestSupport {

    @Autowired
    CamelContext camel;
    @Autowired
    ActiveMQConnectionFactory connectionFactory;
    @Autowired
    RuleService rules;

    @Test
    void aMessageRedeliveredAfterTheDatabaseCommitPublishesItsAlarmOnce() throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        AdviceWith.adviceWith(camel, IngestPipelineRoute.ROUTE_ID, route -> route.weaveById("publish").before()
                .process(exchange -> {
                    String body = exchange.getMessage().getBody().toString();
                    if (body.contains("crash-me") && failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("simulated crash between the database and the JMS commit");
                    }
                }));
        rules.save(new ThresholdRule("crash", null, "vpn.jitter", new Scope(Scope.Type.SERVICE, "S-CRASH"),
                Direction.ABOVE, Map.of(Severity.MAJOR, new Level(10, 5)), 1, 0, null, true, null), "test");
        EventCollector events = new EventCollector(connectionFactory, "crash");
        try {
            assertThat(http().post("/api/v1/measurements",
                    TestRecords.measurementJson("crash-me", "S-CRASH", "vpn.jitter", 20)).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> events.causedBy("crash-me").size() >= 1);
            assertThat(failed).as("the first attempt failed after evaluation").isTrue();
            assertThat(events.about("crash-me")).hasSize(1);
            assertThat(events.causedBy("crash-me")).singleElement()
                    .satisfies(e -> assertThat(e.path("eventType").asText()).isEqualTo("AlarmCreateEvent"));
        } finally {
            events.unsubscribe();
        }
    }
}
