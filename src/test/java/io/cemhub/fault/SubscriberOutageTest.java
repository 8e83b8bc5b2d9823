package io.cemhub.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.FreePorts;
import io.cemhub.support.Http;
import io.cemhub.support.WebhookReceiver;
import io.cemhub.support.process.HubProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook subscriber that is down while every record of a run flows (cem.fault.records, padded so that
 * the backlog weighs), in a hub with a small heap (-Xmx256m, embedded broker included): its queue grows on
 * disk (the broker pages cem.events, seen through Artemis' MBeans), the hub's live heap stays flat (a bound,
 * measured after a full collection), and once the subscriber is back it gets every event, once per eventId,
 * in order per service, and its queue is empty.
 */
@Tag("fault")
class SubscriberOutageTest {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberOutageTest.class);
    private static final String SECRET = "outage-test-secret-0123456789";
    /** Characters of padding per record: each waiting event weighs about 12 KB in the broker (UTF-16 text). */
    private static final int PADDING = 5_000;
    /** The address size beyond which the broker pages (the default, 64 MiB, is more than a short run's backlog). */
    private static final long PAGE_BEYOND = 4L * 1024 * 1024;
    /**
     * How much the live heap may grow while the backlog builds up: what the broker may hold in memory by design
     * (each address up to PAGE_BEYOND before it pages, a queue's messages read back from its pages for its
     * consumer, max-read-page-bytes: 20 MiB by default) and the database's page cache filling up; well below
     * the backlog itself, which must weigh at least twice as much.
     */
    private static final long HEAP_GROWTH_BOUND = 48L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aSubscriberDownWhileEverythingFlowsGetsEveryEventOnceWhenItReturnsAndTheHeapStaysFlat() throws Exception {
        int records = FaultSettings.records();
        int port = FreePorts.next();
        String callback = "http://127.0.0.1:" + port + "/events";
        long started = System.nanoTime();
        try (HubProcess hub = HubProcess.builder(dir.resolve("hub")).name("hub").heap("256m")
                .arg("cem.broker.address-max-size-bytes=" + PAGE_BEYOND)
                // a subscriber that comes back is tried again within 2 s
                .arg("cem.subscriptions.retry-initial-delay=200ms").arg("cem.subscriptions.retry-max-delay=2s")
                .build().start()) {
            EmbeddedBrokerMBeans broker = new EmbeddedBrokerMBeans(hub.http());
            JsonNode subscription = subscribe(hub.http(), callback);
            String id = subscription.path("id").asText();
            String queue = subscription.path("queue").asText().replaceFirst("^cem\\.events::", "");
            IntSupplier waiting = () -> broker.multicastQueue("cem.events", queue).path("MessageCount").asInt();

            FaultLoad load = new FaultLoad("out", records, 50, 100, hub::http).padded(PADDING);
            Thread sender = new Thread(load, "fault-load");
            sender.start();
            // The baseline once the flow is warm (the pipeline's first round of classes, caches and pools).
            await("a tenth of the records waiting").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> waiting.getAsInt() >= records / 10 || load.done());
            load.check();
            long baseline = hub.liveHeapBytes();
            List<Long> samples = new ArrayList<>();
            for (int quarter = 1; quarter <= 4; quarter++) {
                int target = records * quarter / 4;
                await(target + " events waiting for the subscriber").atMost(Duration.ofMinutes(5 + records / 1_000))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> {
                            load.check();
                            return waiting.getAsInt() >= target;
                        });
                samples.add(hub.liveHeapBytes());
            }
            sender.join(Duration.ofMinutes(5).toMillis());
            load.check();
            assertThat(load.done()).as("the load finished").isTrue();

            JsonNode events = broker.address("cem.events");
            JsonNode waitingQueue = broker.multicastQueue("cem.events", queue);
            long backlogBytes = waitingQueue.path("PersistentSize").asLong();
            long growth = samples.stream().mapToLong(Long::longValue).max().orElseThrow() - baseline;
            LOG.info("outage backlog: {} events, {} bytes on {}; cem.events paging={} pages={} addressSize={};"
                            + " live heap baseline {} MiB, samples {} MiB, growth {} MiB",
                    waitingQueue.path("MessageCount").asLong(), backlogBytes, queue, events.path("Paging").asBoolean(),
                    events.path("NumberOfPages").asLong(), events.path("AddressSize").asLong(), baseline >> 20,
                    samples.stream().map(s -> s >> 20).toList(), growth >> 20);
            assertThat(waitingQueue.path("MessageCount").asLong()).as("every event waits for the subscriber")
                    .isEqualTo(records);
            assertThat(events.path("Paging").asBoolean()).as("the broker pages cem.events: " + events).isTrue();
            assertThat(events.path("NumberOfPages").asLong()).as("pages on disk").isPositive();
            assertThat(backlogBytes).as("the backlog weighs far more than the heap may grow")
                    .isGreaterThan(2 * HEAP_GROWTH_BOUND);
            assertThat(growth).as("live heap growth while " + (backlogBytes >> 20) + " MiB wait (bytes)")
                    .isLessThan(HEAP_GROWTH_BOUND);
            assertThat(hub.isAlive()).isTrue();

            long back = System.nanoTime();
            try (WebhookReceiver receiver = new WebhookReceiver(SECRET, port, n -> WebhookReceiver.Answer.ok())) {
                await("every event delivered once the subscriber is back")
                        .atMost(Duration.ofMinutes(5 + records / 500)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> receiver.distinctEventIds().size() >= records);
                long deliverSeconds = (System.nanoTime() - back) / 1_000_000_000L;
                EventTally.awaitQuiet("no further deliveries", receiver::requests);
                EventTally tally = EventTally.of(load.runName(), receiver.taken());
                JsonNode status = hub.http().get("/api/v1/subscriptions/" + id + "/status").json();
                LOG.info("FAULT RESULT subscriber-outage: records={} heapBaselineMiB={} heapGrowthMiB={} backlogMiB={}"
                                + " pages={} delivered={} distinctEventIds={} repeats={} outOfOrder={} deliverSeconds={}"
                                + " seconds={}", records, baseline >> 20, growth >> 20, backlogBytes >> 20,
                        events.path("NumberOfPages").asLong(), tally.events(), receiver.distinctEventIds().size(),
                        tally.events() - receiver.distinctEventIds().size(), tally.outOfOrder().size(),
                        deliverSeconds, (System.nanoTime() - started) / 1_000_000_000L);
                assertThat(receiver.badSignatures()).isEmpty();
                assertThat(tally.recordIds()).as("nothing lost").containsExactlyInAnyOrderElementsOf(load.ids());
                assertThat(receiver.distinctEventIds()).as("after dedup by eventId, one event per record")
                        .hasSize(records);
                assertThat(tally.outOfOrder()).as("each service's events in order").isEmpty();
                assertThat(waiting.getAsInt()).as("the subscriber's queue is empty").isZero();
                assertThat(status.path("deadLettered").asInt()).as(status.toString()).isZero();
            }
        }
    }

    private static JsonNode subscribe(Http http, String callback) {
        Http.Response created = http.post("/tmf-api/eventManagement/v4/hub", "{\"channel\":\"webhook\",\"callback\":\""
                + callback + "\",\"secret\":\"" + SECRET + "\",\"query\":\"eventType=MeasurementCreateEvent\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }
}
