package io.cemhub.demo;

import io.cemhub.CemHubApplication;
import io.cemhub.adapter.AdapterMetrics;
import io.cemhub.identity.RegistryService;
import io.cemhub.support.TestHubArgs;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
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
                .run(TestHubArgs.of(dir, "--cem.demo.rest-period=200", "--cem.demo.vpn-period=300",
                        "--cem.demo.speedtest-period=300", "--cem.demo.csv-period=500", "--cem.demo.crm-period=300",
                        "--cem.identity.hold-horizon=PT1H"))) {
            assertThat(hub.getBean(RegistryService.class).customers(0, 100).total()).isEqualTo(DemoFleet.CUSTOMERS);
            DemoFeeds feeds = hub.getBean(DemoFeeds.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> feeds.eventsSeen() >= 100);
            // the adapters' simulators go through REST, JMS and the CSV inbox, malformed items included
            AdapterMetrics adapters = hub.getBean(AdapterMetrics.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> adapters.snapshot("wisla-vpn").mapped() > 0
                    && adapters.snapshot("wisla-speedtest").mapped() > 0
                    && adapters.snapshot("wisla-vpn").quarantined() > 0 && adapters.snapshot("wisla-vpn").rejected() > 0
                    && adapters.snapshot("wisla-speedtest").rejected() > 0);
            // the simulated CRM pushes over SOAP: a new customer arrives, and its held measurement flows on
            RegistryService registry = hub.getBean(RegistryService.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.customer("DEMO-C101").isPresent()
                    && registry.customer("DEMO-C102").isPresent());
            MeterRegistry meters = hub.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> meters.find("cem.identity.released")
                    .tag("outcome", "resolved").counter() != null
                    && meters.find("cem.crm.notifications").tag("operation", "TroubleTicketUpdated")
                    .tag("outcome", "accepted").counter() != null);
            Path done = dir.resolve("inbox/wisla-speedtest/done");
            await().atMost(Duration.ofSeconds(30)).until(() -> hasFiles(done));
        }
    }

    private static boolean hasFiles(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var files = Files.list(folder)) {
            return files.findAny().isPresent();
        }
    }
}
