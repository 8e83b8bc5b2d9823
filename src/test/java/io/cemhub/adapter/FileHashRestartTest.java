package io.cemhub.adapter;

import io.cemhub.CemHubApplication;
import io.cemhub.support.EventCollector;
import io.cemhub.support.TestHubArgs;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The memory of files already taken in (content hashes) survives a restart of the hub. */
class FileHashRestartTest {

    private static final String HEADER = "agentId,lineId,timestamp,pingLatency,pingJitter,downloadBandwidth,"
            + "uploadBandwidth,packetLoss,serverId,isp,resultId\n";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CemHubApplication.class).profiles("test").run(TestHubArgs.of(dataDir));
    }

    private void drop(String name, String content) throws IOException {
        Path inbox = dataDir.resolve("inbox/wisla-speedtest");
        Files.createDirectories(inbox);
        Path part = inbox.resolve(name + ".part");
        Files.writeString(part, content);
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String line(String timestamp) {
        return HEADER + "AGT-9,LINE-RST," + timestamp + ",11.5,0.5,12500000,2500000,0.25,42,Example,r1\n";
    }

    private static String id(String timestamp) {
        return "LINE-RST/" + timestamp + "/speedtest.download.mbps";
    }

    @Test
    void theSameFileDroppedAfterARestartIsNotTakenInAgain() throws IOException {
        String first = "2026-11-22T08:00:00Z";
        try (ConfigurableApplicationContext hub = start()) {
            EventCollector events = new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "hash-restart");
            drop("export-1.csv", line(first));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.about(id(first)).size() == 1);
            events.close();
        }
        try (ConfigurableApplicationContext hub = start()) {
            EventCollector events = new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "hash-restart");
            drop("export-1-again.csv", line(first));
            // Moved to done/ only after whatever it produced is durable on the ingest queue. A later file
            // for the same line shares the partition: once its event is out, anything the duplicate had
            // produced would have been published before it.
            Path done = dataDir.resolve("inbox/wisla-speedtest/done");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(done)
                    && Files.list(done).anyMatch(f -> f.getFileName().toString().startsWith("export-1-again")));
            String marker = "2026-11-22T09:00:00Z";
            drop("export-2.csv", line(marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.about(id(marker)).size() == 1);
            assertThat(events.about(id(first))).isEmpty();
            events.unsubscribe();
        }
    }
}
