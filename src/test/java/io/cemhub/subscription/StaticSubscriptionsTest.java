package io.cemhub.subscription;

import io.cemhub.CemHubApplication;
import io.cemhub.support.Http;
import io.cemhub.support.TestHubArgs;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * config/subscriptions.yaml: placeholders from settings, a changed query that keeps what the subscriber's
 * queue holds, and a subscriber removed from the file that is removed from the hub.
 */
class StaticSubscriptionsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path configDir;

    private ConfigurableApplicationContext start(String subscriptionsYaml) throws IOException {
        Files.writeString(configDir.resolve("subscriptions.yaml"), subscriptionsYaml);
        return new SpringApplicationBuilder(CemHubApplication.class).profiles("test")
                .run(TestHubArgs.of(dataDir, "--cem.config-dir=" + configDir, "--test.noc.service=S-static-a"));
    }

    private static long pending(ConfigurableApplicationContext hub, String id) {
        SubscriptionService service = hub.getBean(SubscriptionService.class);
        return service.status(service.find(id).orElseThrow()).pending();
    }

    @Test
    void aChangedQueryKeepsWhatTheQueueHoldsAndARemovedSubscriberGoes() throws IOException {
        String first = "subscriptions:\n  - id: noc\n    channel: jms\n    query: \"serviceId=${test.noc.service}\"\n";
        try (ConfigurableApplicationContext hub = start(first)) {
            Http http = new Http("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
            String body = "[" + TestRecords.measurementJson("st-1", "S-static-a", "vpn.rtt.avg", 1) + ","
                    + TestRecords.measurementJson("st-2", "S-static-b", "vpn.rtt.avg", 1) + "]";
            assertThat(http.post("/api/v1/measurements", body).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> pending(hub, "noc") == 1);
            assertThat(hub.getBean(SubscriptionService.class).find("noc").orElseThrow().query())
                    .isEqualTo("serviceId=S-static-a");
        }

        String widened = "subscriptions:\n  - id: noc\n    channel: jms\n    query: \"serviceId=S-static-a,S-static-b\"\n";
        try (ConfigurableApplicationContext hub = start(widened)) {
            Http http = new Http("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
            assertThat(pending(hub, "noc")).as("kept across the change").isEqualTo(1);
            assertThat(http.post("/api/v1/measurements", "[" + TestRecords.measurementJson("st-3", "S-static-b",
                    "vpn.rtt.avg", 1) + "]").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> pending(hub, "noc") == 2);
        }

        try (ConfigurableApplicationContext hub = start("subscriptions: []\n")) {
            assertThat(hub.getBean(SubscriptionService.class).find("noc")).isEmpty();
        }
    }

    @Test
    void aWebhookSubscriberInTheFileMustNameItsSecret() {
        String noSecret = "subscriptions:\n  - id: crm\n    channel: webhook\n    callback: http://127.0.0.1:9/x\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(noSecret).close())
                .hasStackTraceContaining("webhook subscription crm needs a secret");
    }
}
