package io.cemhub.fault;

import io.cemhub.support.Scrape;
import io.cemhub.support.process.HubProcess;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the hub (embedded broker and all) at random points while records are in flight, K times, each
 * time started again on the same journal and database: at the end every record came out once (0 lost, no
 * eventId twice), each service's records in the order they were sent, and processing went on after each
 * restart. Sizes: {@link FaultSettings}.
 */
@Tag("fault")
class HubKillTest {

    private static final Logger LOG = LoggerFactory.getLogger(HubKillTest.class);

    @TempDir
    Path dir;

    @Test
    void killedAtRandomPointsUnderLoadTheHubLosesNothingDuplicatesNothingAndKeepsEachServicesOrder() throws Exception {
        int records = FaultSettings.records();
        int kills = FaultSettings.kills();
        long seed = FaultSettings.seed();
        Random random = new Random(seed);
        List<Integer> killPoints = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            // while records are still being sent (so that the restarted hub has work), with a backlog behind
            killPoints.add((int) (records * (0.1 + 0.8 * random.nextDouble())));
        }
        killPoints.sort(null);
        if (FaultSettings.killPairs()) {
            // every second kill hits the restarted hub as soon as it publishes again (while it recovers)
            for (int i = 1; i < kills; i += 2) {
                killPoints.set(i, killPoints.get(i - 1) + 1);
            }
        }
        LOG.info("hub kill run: {} records, kills at accepted counts {} (seed {})", records, killPoints, seed);

        Set<String> missing = new HashSet<>();
        try {
            run(records, killPoints, missing);
        } catch (AssertionError | RuntimeException failed) {
            if (!missing.isEmpty()) {
                LOG.error("hub kill run: of the {} missing records these have a measurement row (evaluated, not"
                        + " published): {}", missing.size(), FaultEvidence.storedMeasurements(dir.resolve("hub"), missing));
            }
            FaultEvidence.keep(dir, "hub-kill");
            throw failed;
        }
    }

    private void run(int records, List<Integer> killPoints, Set<String> missing) throws Exception {
        int kills = killPoints.size();
        long started = System.nanoTime();
        try (HubProcess hub = HubProcess.builder(dir.resolve("hub")).name("hub").build().start()) {
            ActiveMQConnectionFactory jms = hub.connectionFactory();
            EventTally.subscribe(jms, "fault-kill");
            FaultLoad load = new FaultLoad("kill", records, 50, 100, hub::http);
            Thread sender = new Thread(load, "fault-load");
            sender.start();

            for (int point : killPoints) {
                await("accepted >= " + point).atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(20))
                        .until(() -> load.accepted() >= point || load.done());
                load.check();
                LOG.info("kill -9 of the hub at {} accepted records", load.accepted());
                hub.kill9();
                hub.start();
                // Processing resumes: the restarted hub publishes events again, unless it has nothing left to
                // publish (a fast pipeline can have finished every record before a late kill).
                await("events published after the restart, or nothing left").atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> publishesOrHasNothingLeft(Scrape.of(hub.http()), load));
            }
            sender.join(Duration.ofMinutes(30).toMillis());
            load.check();
            assertThat(load.done()).as("the load finished").isTrue();

            try (EventTally tally = EventTally.drain(jms, "fault-kill", load.runName())) {
                tally.awaitEveryRecordOrStall(records, Duration.ofMinutes(3));
                Set<String> expected = load.ids();
                missing.addAll(tally.missingIds(expected));
                if (!missing.isEmpty()) {
                    LOG.error("hub kill run: {}; messages on the broker's queues: {}", tally.missing(expected),
                            FaultEvidence.queueDepths(jms, "cem.ingest", "cem.dlq", "cem.quarantine"));
                }
                assertThat(tally.records()).as(() -> "no record lost: " + tally.missing(expected)).isEqualTo(records);
                // and nothing more is coming (a late duplicate would show here)
                int[] last = {-1};
                await("no further events").during(Duration.ofSeconds(10)).atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> {
                            boolean same = tally.events() == last[0];
                            last[0] = tally.events();
                            return same;
                        });
                report(load, tally, kills, started);
                assertThat(tally.recordIds()).as("no record lost").containsExactlyInAnyOrderElementsOf(load.ids());
                Set<String> hubDuplicates = new HashSet<>(tally.duplicateRecords());
                hubDuplicates.removeAll(load.resentAfterLostAnswer());
                assertThat(hubDuplicates).as("no record published twice (beyond batches the source itself resent"
                        + " after a lost answer)").isEmpty();
                assertThat(tally.duplicateEventIds().size()).as("duplicate eventIds")
                        .isLessThanOrEqualTo(tally.duplicateRecords().size());
                assertThat(tally.outOfOrder()).as("each service's records in the order they were sent").isEmpty();
            }
        }
        // The database side of the same messages survived the kills too: one measurement row per record.
        assertThat(measurementRows(dir.resolve("hub"), "kill:")).as("measurement rows in the hub's H2 database")
                .isEqualTo(records);
    }

    /**
     * Whether the restarted hub has published events, or the load is done and its ingest queue was empty at the
     * last sample ({@code cem_broker_queue_depth} counts messages being delivered too; NaN or no gauge yet: not
     * known to be empty).
     */
    static boolean publishesOrHasNothingLeft(Scrape scrape, FaultLoad load) {
        if (scrape.value("cem_events_published_total") > 0) {
            return true;
        }
        return load.done() && scrape.has("cem_broker_queue_depth", "queue", "cem.ingest")
                && scrape.value("cem_broker_queue_depth", "queue", "cem.ingest") == 0;
    }

    /** Rows of the measurement table whose id starts with {@code prefix}, read from the stopped hub's H2 file. */
    static long measurementRows(Path dataDir, String prefix) throws java.sql.SQLException {
        try (java.sql.Connection c = FaultEvidence.hubDatabase(dataDir);
             java.sql.PreparedStatement select = c.prepareStatement("select count(*) from measurement where id like ?")) {
            select.setString(1, prefix + "%");
            try (java.sql.ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void report(FaultLoad load, EventTally tally, int kills, long started) {
        LOG.info("FAULT RESULT hub-kill: records={} kills={} arrived={} lost={} duplicateEventIds={}"
                        + " resentAfterLostAnswer={} outOfOrder={} failedPosts={} seconds={}",
                load.records(), kills, tally.records(), load.records() - tally.records(),
                tally.duplicateEventIds().size(), load.resentAfterLostAnswer().size(), tally.outOfOrder().size(),
                load.failedPosts(), (System.nanoTime() - started) / 1_000_000_000L);
    }
}
