package io.cemhub.fault;

import io.cemhub.support.Http;
import io.cemhub.support.Scrape;
import io.cemhub.support.TestRecords;
import io.cemhub.support.process.ArtemisBroker;
import io.cemhub.support.process.HubProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
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
 * kill -9 of an external Artemis (the Apache distribution, started as docs/external-broker.md says) under
 * load, K times, each time started again on its journal: while it is away the hub answers 503 at once
 * (nothing accepted, the source resends), and once it is back the hub carries on by itself; at the end the
 * records that came out are exactly those sent, none twice, each service's in order.
 */
@Tag("fault")
class BrokerKillTest {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerKillTest.class);
    /** How soon a REST call must hear 503 when the broker is gone (the known bug: it hung). */
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void anExternalBrokerKilledUnderLoadComesBackAndTheCountsAreIdentical() throws Exception {
        int records = FaultSettings.records();
        int kills = FaultSettings.kills();
        long seed = FaultSettings.seed();
        Random random = new Random(seed);
        List<Integer> killPoints = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            killPoints.add((int) (records * (0.1 + 0.8 * random.nextDouble())));
        }
        killPoints.sort(null);
        LOG.info("broker kill run: {} records, kills at accepted counts {} (seed {})", records, killPoints, seed);

        long started = System.nanoTime();
        List<Long> answerMillis = new ArrayList<>();
        try (ArtemisBroker broker = ArtemisBroker.create(dir.resolve("broker"), 10, "64MB").start();
             HubProcess hub = HubProcess.builder(dir.resolve("hub")).name("hub")
                     .externalBroker(broker.url(), broker.user(), broker.password()).build().start()) {
            EventTally.subscribe(broker.connectionFactory(), "fault-broker");
            FaultLoad load = new FaultLoad("brk", records, 50, 100, hub::http);
            Thread sender = new Thread(load, "fault-load");
            sender.start();

            int kill = 0;
            for (int point : killPoints) {
                await("accepted >= " + point).atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(20))
                        .until(() -> load.accepted() >= point || load.done());
                load.check();
                double publishedBefore = published(hub);
                LOG.info("kill -9 of the broker at {} accepted records", load.accepted());
                broker.kill9();

                // While the broker is away, a source hears 503 at once: nothing accepted, resend later.
                long t0 = System.nanoTime();
                Http.Response answer;
                try {
                    answer = hub.http().post("/api/v1/measurements", "[" + TestRecords.measurementJson(
                            "brk-probe-" + kill++, "FAULT-PROBE", "vpn.loss", 1) + "]");
                } catch (UncheckedIOException e) {
                    throw new AssertionError("with the broker away, REST ingest gave no answer within the client's"
                            + " 30 s (it waits for the broker instead of answering 503)", e);
                }
                long millis = (System.nanoTime() - t0) / 1_000_000;
                answerMillis.add(millis);
                LOG.info("with the broker away, POST answered {} in {} ms", answer.status(), millis);
                assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                assertThat(Duration.ofMillis(millis)).isLessThan(FAIL_FAST);
                assertThat(answer.header("Retry-After")).isNotNull();

                broker.start();
                // The hub reconnects by itself and processing resumes.
                await("events published after the broker's restart").atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> published(hub) > publishedBefore);
            }
            sender.join(Duration.ofMinutes(30).toMillis());
            load.check();
            assertThat(load.done()).as("the load finished").isTrue();
            assertThat(hub.isAlive()).as("the hub lived through it").isTrue();

            try (EventTally tally = EventTally.drain(broker.connectionFactory(), "fault-broker", load.runName())) {
                await("every record came out").atMost(Duration.ofMinutes(5 + records / 1_000))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> tally.records() >= records);
                int[] last = {-1};
                await("no further events").during(Duration.ofSeconds(10)).atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> {
                            boolean same = tally.events() == last[0];
                            last[0] = tally.events();
                            return same;
                        });
                LOG.info("FAULT RESULT broker-kill: records={} kills={} arrived={} lost={} duplicateEventIds={}"
                                + " resentAfterLostAnswer={} outOfOrder={} failedPosts={} 503AfterMs={} seconds={}",
                        records, kills, tally.records(), records - tally.records(), tally.duplicateEventIds().size(),
                        load.resentAfterLostAnswer().size(), tally.outOfOrder().size(), load.failedPosts(),
                        answerMillis, (System.nanoTime() - started) / 1_000_000_000L);
                assertThat(tally.recordIds()).as("identical counts: every record sent came out")
                        .containsExactlyInAnyOrderElementsOf(load.ids());
                Set<String> hubDuplicates = new HashSet<>(tally.duplicateRecords());
                hubDuplicates.removeAll(load.resentAfterLostAnswer());
                assertThat(hubDuplicates).as("no record published twice by the hub").isEmpty();
                assertThat(tally.outOfOrder()).as("each service's records in the order they were sent").isEmpty();
            }
        }
    }

    private static double published(HubProcess hub) {
        return Scrape.of(hub.http()).value("cem_events_published_total");
    }
}
