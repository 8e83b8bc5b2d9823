package io.cemhub.config;

import io.cemhub.CemHubApplication;
import io.cemhub.support.EventCollector;
import io.cemhub.support.FreePorts;
import io.cemhub.support.Http;
import io.cemhub.support.TestHubArgs;
import io.cemhub.support.PostgresTestDatabase;
import io.cemhub.support.TestRecords;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole hub on its other profiles: PostgreSQL instead of H2, an outside broker instead of the embedded one. */
class ProfilesTest {

    @TempDir
    Path dir;

    private static void registerAndIngest(ConfigurableApplicationContext hub, String run) {
        Http http = new Http("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
        assertThat(http.put("/api/v1/customers/C-" + run, "{\"name\":\"P\",\"segment\":\"VIP\"}").status()).isEqualTo(201);
        assertThat(http.put("/api/v1/services/S-" + run, "{\"customerId\":\"C-" + run + "\",\"serviceType\":\"vpn\"}")
                .status()).isEqualTo(201);
        EventCollector events = new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "profile-" + run);
        try {
            assertThat(http.post("/api/v1/measurements", TestRecords.measurementJson("p-" + run, "S-" + run,
                    "vpn.loss", 1)).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> events.about("p-" + run).size() == 1);
            assertThat(events.about("p-" + run).get(0).path("event").path("context").path("segment").asText())
                    .isEqualTo("VIP");
        } finally {
            events.unsubscribe();
        }
    }

    @Test
    void postgresProfileMigratesAndServesTheRegistry() {
        try (PostgresTestDatabase pg = PostgresTestDatabase.requireConfigured()) {
            try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CemHubApplication.class)
                    .profiles("test", "postgres")
                    .run(TestHubArgs.of(dir, "--spring.datasource.url=" + pg.schemaUrl(),
                        "--spring.datasource.username=" + pg.user,
                        "--spring.datasource.password=" + pg.password,
                        "--spring.flyway.schemas=" + pg.schema,
                        "--spring.flyway.default-schema=" + pg.schema))) {
                assertThat(hub.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
                registerAndIngest(hub, "pg");
            }
        }
    }

    @Test
    void externalBrokerProfileUsesTheBrokerItIsPointedAt() throws Exception {
        int port = FreePorts.next();
        EmbeddedActiveMQ outside = new EmbeddedActiveMQ();
        outside.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(true).setSecurityEnabled(false)
                .setJournalDirectory(dir.resolve("outside/journal").toString())
                .setBindingsDirectory(dir.resolve("outside/bindings").toString())
                .setPagingDirectory(dir.resolve("outside/paging").toString())
                .setLargeMessagesDirectory(dir.resolve("outside/large").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port));
        outside.start();
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CemHubApplication.class)
                .profiles("test", "external-broker")
                .run(TestHubArgs.of(dir.resolve("hub"), "--cem.broker.url=tcp://127.0.0.1:" + port))) {
            assertThat(hub.getBeanNamesForType(EmbeddedActiveMQ.class)).isEmpty();
            registerAndIngest(hub, "ext");
            assertThat(outside.getActiveMQServer().locateQueue("cem.ingest")).as("the hub used the outside broker")
                    .isNotNull();
        } finally {
            outside.stop();
        }
    }
}
