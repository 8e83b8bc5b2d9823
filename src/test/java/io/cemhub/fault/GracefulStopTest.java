package io.cemhub.fault;

import io.cemhub.support.process.HubProcess;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM (what systemd or Kubernetes sends) to a hub with records in flight: the web server finishes the
 * requests it has and takes no more, Camel stops its routes letting in-flight exchanges complete, the
 * process ends by itself well within the shutdown timeout; after a start on the same data every record
 * came out once, in order per service.
 */
@Tag("fault")
class GracefulStopTest {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStopTest.class);
    /** spring.lifecycle.timeout-per-shutdown-phase (30 s) and Camel's shutdown-timeout (30 s), with room. */
    private static final Duration STOP_WITHIN = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void aSigtermWithWorkInFlightStopsGracefullyAndNothingIsLost() throws Exception {
        int records = FaultSettings.records();
        try (HubProcess hub = HubProcess.builder(dir.resolve("hub")).name("hub")
                // the shutdown's own account, for the assertions below
                .arg("logging.level.org.springframework.boot.web.embedded.tomcat.GracefulShutdown=info")
                .arg("logging.level.org.apache.camel.impl.engine.AbstractCamelContext=info")
                .build().start()) {
            ActiveMQConnectionFactory jms = hub.connectionFactory();
            EventTally.subscribe(jms, "fault-sigterm");
            FaultLoad load = new FaultLoad("term", records, 50, 100, hub::http);
            Thread sender = new Thread(load, "fault-load");
            sender.start();
            await("half the records accepted").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(20))
                    .until(() -> load.accepted() >= records / 2 || load.done());
            load.check();

            LOG.info("SIGTERM to the hub at {} accepted records", load.accepted());
            long t0 = System.nanoTime();
            int exit = hub.terminate(STOP_WITHIN);
            long stopMillis = (System.nanoTime() - t0) / 1_000_000;
            String log = hub.process().logText();
            assertThat(exit).as("exit code after SIGTERM (143 = ended by the signal, after the shutdown hooks)")
                    .isIn(0, 143);
            assertThat(log).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
            assertThat(log).containsPattern("Apache Camel .* shutdown in");
            assertThat(log).doesNotContain("Graceful shutdown aborted")
                    .doesNotContain("Timeout occurred during graceful shutdown");

            hub.start();
            sender.join(Duration.ofMinutes(30).toMillis());
            load.check();
            try (EventTally tally = EventTally.drain(jms, "fault-sigterm", load.runName())) {
                await("every record came out").atMost(Duration.ofMinutes(5 + records / 1_000))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> tally.records() >= records);
                int[] last = {-1};
                await("no further events").during(Duration.ofSeconds(10)).atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> {
                            boolean same = tally.events() == last[0];
                            last[0] = tally.events();
                            return same;
                        });
                LOG.info("FAULT RESULT sigterm: records={} stopMillis={} exit={} arrived={} lost={} duplicateEventIds={}"
                                + " resentAfterLostAnswer={} outOfOrder={}", records, stopMillis, exit, tally.records(),
                        records - tally.records(), tally.duplicateEventIds().size(), load.resentAfterLostAnswer().size(),
                        tally.outOfOrder().size());
                assertThat(tally.recordIds()).as("no record lost").containsExactlyInAnyOrderElementsOf(load.ids());
                Set<String> hubDuplicates = new HashSet<>(tally.duplicateRecords());
                hubDuplicates.removeAll(load.resentAfterLostAnswer());
                assertThat(hubDuplicates).as("no record published twice by the hub").isEmpty();
                assertThat(tally.outOfOrder()).as("each service's records in order").isEmpty();
            }
        }
    }
}
