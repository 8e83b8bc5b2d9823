package io.cemhub.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.ingest.Partitioner;
import io.cemhub.support.Http;
import io.cemhub.support.PostgresTestDatabase;
import io.cemhub.support.Scrape;
import io.cemhub.support.WebhookReceiver;
import io.cemhub.support.process.ArtemisBroker;
import io.cemhub.support.process.HubProcess;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub processes on one machine sharing a standalone Artemis and a PostgreSQL schema of their own (the
 * scale-out of docs/scaling.md): records sent to both spread over both pipelines (each processes some),
 * exactly one instance leads; the leader is killed with SIGKILL while records flow, and within 30 s the other
 * leads and processes every partition again (records sent after the kill, of every partition, come out).
 * At the end every record came out, none twice (beyond a batch the source resent after a lost answer), each
 * service's in order, and no series has two open alarms.
 * <p>
 * A webhook subscriber, made over the API of the instance that is killed later, gets the measurement events of
 * some services through both instances (each delivers some: the other learned of the subscription from the
 * database) and, after the kill, through the survivor alone: every record's event arrives, repeated at most
 * once around the kill (beyond the source's resends), and each service's events arrive in order.
 */
@Tag("fault")
class ScaleOutTest {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutTest.class);
    private static final Duration TAKEOVER = Duration.ofSeconds(30);
    /** One batch holds one record of every service, so every batch touches every partition. */
    private static final int SERVICES = 50;
    /** cem.ingest.partitions (config/application.yaml). */
    private static final int PARTITIONS = 8;
    /** The webhook subscriber hears the services 0 .. WEBHOOK_SERVICES-1 (a fifth of the events). */
    private static final int WEBHOOK_SERVICES = 10;
    private static final String SECRET = "scale-out-webhook-secret-0123456789";

    @TempDir
    Path dir;

    @Test
    void twoHubsShareThePartitionsAndWhenTheLeaderIsKilledTheOtherTakesOverWithinThirtySeconds() throws Exception {
        int records = FaultSettings.records();
        // Below what two pipelines manage on a busy machine, so that a backlog does not hide the takeover.
        int pace = Integer.getInteger("cem.fault.scale-rate", 100);
        long started = System.nanoTime();
        try (PostgresTestDatabase db = PostgresTestDatabase.requireConfigured();
             ArtemisBroker broker = ArtemisBroker.create(dir.resolve("broker"), 10, "64MB").start()) {
            new JdbcTemplate(new DriverManagerDataSource(db.url, db.user, db.password)).execute("create schema " + db.schema);
            try (HubProcess a = hub("a", db, broker).start(); HubProcess b = hub("b", db, broker).start();
                 EventTally tally = EventTally.drain(broker.connectionFactory(), "fault-scale", "scale");
                 WebhookReceiver webhook = new WebhookReceiver(SECRET, n -> WebhookReceiver.Answer.ok())) {
                List<HubProcess> hubs = List.of(a, b);
                await("one leader").atMost(Duration.ofMinutes(2)).until(() -> leaders(hubs) == 1);
                // made on the leader, the instance to be killed: the other learns of it from the database
                JsonNode subscription = subscribe(leads(a) ? a.http() : b.http(), webhook.url());
                String subscriptionId = subscription.path("id").asText();
                String queue = subscription.path("queue").asText().replaceFirst("^cem\\.events::", "");
                await("both instances consume the subscriber's queue " + queue).atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> consumers(broker, queue) == 2);

                FaultLoad load = new FaultLoad("scale", records, SERVICES, SERVICES, anyLiveHub(hubs)).paced(pace);
                Thread sender = new Thread(load, "fault-load");
                sender.start();
                int killAt = records * 2 / 5;
                await("both instances processed records, " + killAt + " accepted").atMost(Duration.ofMinutes(15))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> {
                            load.check();
                            return load.accepted() >= killAt && processed(a) > 0 && processed(b) > 0
                                    && delivered(a, subscriptionId) > 0 && delivered(b, subscriptionId) > 0;
                        });
                assertThat(leaders(hubs)).as("cem.cluster.leader summed over the instances").isEqualTo(1);
                HubProcess leader = leads(a) ? a : b;
                HubProcess survivor = leader == a ? b : a;
                double byLeader = processed(leader);
                double bySurvivor = processed(survivor);
                int deliveredByLeader = delivered(leader, subscriptionId);
                int deliveredBySurvivor = delivered(survivor, subscriptionId);
                LOG.info("before the kill: {} processed {} records, {} processed {}; {} accepted; webhook events"
                                + " delivered by {}: {}, by {}: {}", leader, byLeader, survivor, bySurvivor, load.accepted(),
                        leader, deliveredByLeader, survivor, deliveredBySurvivor);

                int after = load.accepted() + SERVICES; // records sent after the kill (beyond the batch in flight)
                long t0 = System.nanoTime();
                leader.kill9();
                Duration left = TAKEOVER.minusNanos(System.nanoTime() - t0);
                await("the survivor leads and processes every partition").atMost(left)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> leads(survivor) && everyPartitionFlowedPast(tally, after));
                long takeoverMillis = (System.nanoTime() - t0) / 1_000_000;
                LOG.info("takeover: {} leads and processed records of every partition sent after the kill {} ms"
                        + " after it", survivor, takeoverMillis);
                assertThat(leaders(List.of(survivor))).isEqualTo(1);

                sender.join(Duration.ofMinutes(30).toMillis());
                load.check();
                assertThat(load.done()).as("the load finished").isTrue();
                tally.awaitEveryRecord(records);
                Set<String> heard = load.ids().stream().filter(ScaleOutTest::heardByTheWebhook).collect(Collectors.toSet());
                await("every event of the webhook's services delivered").atMost(Duration.ofMinutes(10))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> EventTally.of("scale", webhook.taken()).records() >= heard.size());
                EventTally.awaitQuiet("no further webhook deliveries", webhook::requests);
                EventTally atWebhook = EventTally.of("scale", webhook.taken());
                Set<String> webhookRepeats = new HashSet<>(atWebhook.duplicateRecords());
                webhookRepeats.removeAll(load.resentAfterLostAnswer());
                JsonNode status = survivor.http().get("/api/v1/subscriptions/" + subscriptionId + "/status").json();
                JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
                List<Map<String, Object>> doubleAlarms = jdbc.queryForList("select service_id, metric, count(*) as n"
                        + " from alarm where state <> 'cleared' group by service_id, metric having count(*) > 1");
                int alarms = jdbc.queryForObject("select count(*) from alarm", Integer.class);
                LOG.info("FAULT RESULT scale-out: records={} processedBeforeKill={}/{} takeoverMillis={} arrived={}"
                                + " lost={} duplicateEventIds={} resentAfterLostAnswer={} outOfOrder={} alarms={}"
                                + " seriesWithTwoOpenAlarms={} webhookExpected={} webhookDeliveredBeforeKill={}/{}"
                        + " webhookArrived={} webhookRequests={} webhookRepeatsAroundTheKill={} webhookOutOfOrder={}"
                        + " seconds={}", records, (long) byLeader, (long) bySurvivor,
                        takeoverMillis, tally.records(), records - tally.records(), tally.duplicateEventIds().size(),
                        load.resentAfterLostAnswer().size(), tally.outOfOrder().size(), alarms, doubleAlarms.size(),
                        heard.size(), deliveredByLeader, deliveredBySurvivor, atWebhook.records(), webhook.requests(),
                        webhookRepeats.size(), atWebhook.outOfOrder().size(),
                        (System.nanoTime() - started) / 1_000_000_000L);
                assertThat(tally.recordIds()).as("nothing lost").containsExactlyInAnyOrderElementsOf(load.ids());
                Set<String> hubDuplicates = new HashSet<>(tally.duplicateRecords());
                hubDuplicates.removeAll(load.resentAfterLostAnswer());
                assertThat(hubDuplicates).as("no record published twice by the hubs").isEmpty();
                assertThat(tally.duplicateEventIds().size()).as("duplicate eventIds (alarms included)")
                        .isLessThanOrEqualTo(tally.duplicateRecords().size());
                assertThat(tally.outOfOrder()).as("each service's records in the order they were sent").isEmpty();
                assertThat(alarms).as("the load raises alarms (vpn.loss rule)").isPositive();
                assertThat(doubleAlarms).as("no series with two open alarms").isEmpty();
                // the webhook subscriber, across both instances and the kill of one
                assertThat(webhook.badSignatures()).as("webhook signatures").isEmpty();
                assertThat(atWebhook.recordIds()).as("every event of the webhook's services reached it")
                        .containsExactlyInAnyOrderElementsOf(heard);
                assertThat(webhookRepeats).as("events the webhook got twice, beyond the source's resends: at most the"
                        + " one the killed instance had sent and not yet acknowledged").hasSizeLessThanOrEqualTo(1);
                assertThat(atWebhook.outOfOrder()).as("each service's events in order at the webhook").isEmpty();
                assertThat(status.path("deadLettered").asInt()).as(status.toString()).isZero();
            }
        }
    }

    private HubProcess hub(String name, PostgresTestDatabase db, ArtemisBroker broker) {
        return HubProcess.builder(dir.resolve(name)).name(name).profile("postgres")
                .externalBroker(broker.url(), broker.user(), broker.password())
                .arg("spring.datasource.url=" + db.schemaUrl()).arg("spring.datasource.username=" + db.user)
                .arg("spring.datasource.password=" + db.password)
                // one lock directory for both (a shared file system), one Quartz cluster on the shared database
                .arg("cem.cluster.dir=" + dir.resolve("cluster")).arg("cem.experience.scheduler-suffix=")
                .build();
    }

    /** The services 0 .. WEBHOOK_SERVICES-1 of the load, in the query's serviceId list. */
    private static boolean heardByTheWebhook(String recordId) {
        String service = recordId.substring(0, recordId.lastIndexOf(':'));
        return IntStream.range(0, WEBHOOK_SERVICES).anyMatch(n -> service.equals(FaultLoad.serviceKey("scale", n)));
    }

    private static JsonNode subscribe(Http http, String callback) {
        String services = IntStream.range(0, WEBHOOK_SERVICES).mapToObj(n -> FaultLoad.serviceId("scale", n))
                .collect(Collectors.joining(","));
        Http.Response created = http.post("/tmf-api/eventManagement/v4/hub", "{\"channel\":\"webhook\",\"callback\":\""
                + callback + "\",\"secret\":\"" + SECRET + "\",\"query\":\"eventType=MeasurementCreateEvent&serviceId="
                + services + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Events this instance delivered to the subscription since it started. */
    private static int delivered(HubProcess hub, String subscriptionId) {
        return hub.http().get("/api/v1/subscriptions/" + subscriptionId + "/status").json().path("delivered").asInt();
    }

    /** Consumers of a queue, as the broker counts them. */
    private static int consumers(ArtemisBroker broker, String queue) throws Exception {
        try (ActiveMQConnectionFactory factory = broker.connectionFactory();
             ClientSessionFactory sessions = factory.getServerLocator().createSessionFactory();
             ClientSession session = sessions.createSession(broker.user(), broker.password(), false, true, true, false, 0)) {
            ClientSession.QueueQuery query = session.queueQuery(SimpleString.of(queue));
            return query.isExists() ? query.getConsumerCount() : 0;
        }
    }

    /** A source that sends to the instances in turn, and to the live one when the other is gone. */
    private static Supplier<Http> anyLiveHub(List<HubProcess> hubs) {
        AtomicInteger turn = new AtomicInteger();
        return () -> {
            for (int i = 0; i < hubs.size(); i++) {
                HubProcess hub = hubs.get(Math.floorMod(turn.getAndIncrement(), hubs.size()));
                if (hub.isAlive()) {
                    return hub.http();
                }
            }
            return hubs.get(0).http();
        };
    }

    private static double processed(HubProcess hub) {
        return Scrape.of(hub.http()).value("cem_pipeline_records_total");
    }

    private static boolean leads(HubProcess hub) {
        return Scrape.of(hub.http()).value("cem_cluster_leader") == 1.0;
    }

    private static int leaders(List<HubProcess> hubs) {
        return (int) hubs.stream().filter(HubProcess::isAlive)
                .mapToDouble(h -> Scrape.of(h.http()).value("cem_cluster_leader")).sum();
    }

    /** Every partition has a record with a load index of at least {@code index} that came out. */
    private static boolean everyPartitionFlowedPast(EventTally tally, int index) {
        Partitioner partitioner = new Partitioner(PARTITIONS);
        Map<Integer, Integer> highest = new TreeMap<>();
        IntStream.range(0, SERVICES).forEach(n -> highest.merge(
                partitioner.partitionOf(FaultLoad.serviceId("scale", n)),
                tally.lastSeq(FaultLoad.serviceKey("scale", n)) * SERVICES + n, Math::max));
        return highest.values().stream().allMatch(i -> i >= index);
    }
}
