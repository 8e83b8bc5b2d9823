package io.cemhub.threshold;

import io.cemhub.pipeline.IngestPipelineRoute;
import io.cemhub.support.EventCollector;
import io.cemhub.support.HubTestSupport;
import io.cemhub.support.TestRecords;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub fails after the database committed an evaluation but before the JMS transaction committed
 * (here: the publish step throws once). The broker redelivers the message; the checkpoint recognises it
 * and publishes the stored alarm notification instead of evaluating again (which would find the series
 * already raised and lose the notification).
 */
// a hub of its own (its route is advised) whose pipeline consumers wait a little for the messages of a drain
@TestPropertySource(properties = {"cem.test.context=checkpoint-recovery", "cem.pipeline.drain-linger=200ms"})
class CheckpointRecoveryTest extends HubTestSupport {

    @Autowired
    CamelContext camel;
    @Autowired
    ActiveMQConnectionFactory connectionFactory;
    @Autowired
    RuleService rules;

    /** Record ids that, all in one transaction, make it fail once at the publish step (after the database committed). */
    private static final Map<List<String>, AtomicBoolean> CRASH_ONCE = new ConcurrentHashMap<>();
    private static final AtomicBoolean ADVISED = new AtomicBoolean();

    @BeforeEach
    void crashBeforePublishing() throws Exception {
        if (ADVISED.compareAndSet(false, true)) {
            AdviceWith.adviceWith(camel, IngestPipelineRoute.ROUTE_ID, route -> route.weaveById("publish").before()
                    .process(exchange -> {
                        String body = exchange.getMessage().getBody().toString();
                        for (Map.Entry<List<String>, AtomicBoolean> crash : CRASH_ONCE.entrySet()) {
                            // the body is the list of PipelineItem[recordId serviceId]
                            if (crash.getKey().stream().allMatch(id -> body.contains("[" + id + " "))
                                    && crash.getValue().compareAndSet(false, true)) {
                                throw new IllegalStateException("simulated crash between the database and the JMS commit");
                            }
                        }
                    }));
        }
    }

    @Test
    void aMessageRedeliveredAfterTheDatabaseCommitPublishesItsAlarmOnce() throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        CRASH_ONCE.put(List.of("crash-me"), failed);
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

    /**
     * Many ingest messages of one partition in one transaction, which fails after the database commit: they
     * come again (each alone, being redelivered), and each is recognised from the one checkpoint that holds
     * them all. Every raise and clear is published once, in order; none is evaluated twice (a second
     * evaluation would find the alarm already raised or cleared and publish nothing).
     */
    @Test
    void messagesDrainedTogetherAndRedeliveredAfterTheDatabaseCommitPublishTheirAlarmsOnce() throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        // the transaction that takes the first and the second message together fails
        CRASH_ONCE.put(List.of("drain-crash-0", "drain-crash-1"), failed);
        rules.save(new ThresholdRule("drain-crash", null, "vpn.jitter", new Scope(Scope.Type.SERVICE, "S-DRAIN-CRASH"),
                Direction.ABOVE, Map.of(Severity.MAJOR, new Level(10, 5)), 1, 0, null, true, null), "test");
        EventCollector events = new EventCollector(connectionFactory, "drain-crash");
        // raise, clear, raise, clear (a fifth transition within the flap window would be suppressed as flapping)
        List<Double> values = List.of(20.0, 1.0, 20.0, 1.0);
        camel.getRouteController().stopRoute(IngestPipelineRoute.ROUTE_ID);
        try {
            for (int i = 0; i < values.size(); i++) {
                // one POST, one ingest message; one second apart (the rules ignore a measurement not newer than the last)
                String json = TestRecords.measurementJson("drain-crash-" + i, "S-DRAIN-CRASH", "vpn.jitter", values.get(i))
                        .replace("T23:00:00Z", "T23:00:0" + i + "Z");
                assertThat(http().post("/api/v1/measurements", json).status()).isEqualTo(202);
            }
        } finally {
            camel.getRouteController().startRoute(IngestPipelineRoute.ROUTE_ID);
        }
        try {
            // the messages of the failed transaction come back after later ones may have passed them
            await().atMost(Duration.ofSeconds(30)).until(() -> java.util.stream.IntStream.range(0, values.size())
                    .allMatch(i -> !events.about("drain-crash-" + i).isEmpty()
                            && !events.causedBy("drain-crash-" + i).isEmpty()));
            assertThat(failed).as("the transaction holding the drained messages failed after evaluation").isTrue();
            for (int i = 0; i < values.size(); i++) {
                String id = "drain-crash-" + i;
                String expected = i % 2 == 0 ? "AlarmCreateEvent" : "AlarmStateChangeEvent";
                assertThat(events.about(id)).as("the record event of %s", id).hasSize(1);
                assertThat(events.causedBy(id)).as("the alarm events of %s", id).singleElement()
                        .satisfies(e -> assertThat(e.path("eventType").asText()).isEqualTo(expected));
            }
        } finally {
            events.unsubscribe();
        }
    }
}
