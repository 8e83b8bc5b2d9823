package io.cemhub.demo;

import io.cemhub.CemHubApplication;
import io.cemhub.identity.RegistryService;
import io.cemhub.support.TestHubArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The README's run command uses the demo profile: a newcomer must see a seeded registry and events flowing. */
class DemoProfileTest {

    @TempDir
    Path dir;

    @Test
    void theDemoSeedsTheRegistryAndFeedsEventsThroughTheRealEntries() {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CemHubApplication.class)
                .profiles("test", "demo")
                .run(TestHubArgs.of(dir, "--cem.demo.rest-period=200"))) {
            assertThat(hub.getBean(RegistryService.class).customers(0, 100).total()).isEqualTo(DemoFleet.CUSTOMERS);
            DemoFeeds feeds = hub.getBean(DemoFeeds.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> feeds.eventsSeen() >= 100);
        }
    }
}
