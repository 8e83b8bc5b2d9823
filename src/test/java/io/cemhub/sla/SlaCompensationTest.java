package io.cemhub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.CemHubApplication;
import io.cemhub.pipeline.EventFactory;
import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventCollector;
import io.cemhub.support.Http;
import io.cemhub.support.TestHubArgs;
import io.cemhub.support.TestRecords;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Month end: breaches get SlaBreachEvent and a compensation credit, which route sla-compensation forwards to
 * billing's queue once per breach: the pass run twice, run again after the broker got a breach whose database
 * row was lost (the crash window between the JMS and the database commit), run again after a restart of the hub
 * on the same database and journal, and run by the scheduled (clustered Quartz) job after another lost row; a
 * complying service gets nothing; a credit that is not one goes to quarantine with its body.
 */
class SlaCompensationTest {

    private static final String OCTOBER = "2026-10";
    private static final String BILLING = "cem.billing.credits";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--cem.sla.warning.check=1d", "--cem.sla.month-end.check=1d"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CemHubApplication.class).profiles("test")
                .run(TestHubArgs.of(dataDir, args.toArray(String[]::new)));
    }

    private static Http http(ConfigurableApplicationContext hub) {
        return new Http("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
    }

    private static BrokerProbe broker(ConfigurableApplicationContext hub) {
        return new BrokerProbe(hub.getBean(ActiveMQConnectionFactory.class));
    }

    @Test
    void aBreachIsCreditedToBillingOnceAcrossRerunsLostRowsAndARestart() {
        Map<String, String> creditIds = new TreeMap<>();
        try (ConfigurableApplicationContext hub = start()) {
            Http http = http(hub);
            new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "sla-compensation").close();
            register(http, "C-GOLD", "gold", "S-GOLD");
            register(http, "C-SILVER", "silver", "S-SILVER");
            register(http, "C-BRONZE", "bronze", "S-BRONZE");
            String goldBreaches = http.post("/tmf-api/eventManagement/v4/hub", "{\"channel\":\"jms\",\"query\":"
                    + "\"eventType=SlaBreachEvent&slaTier=gold\"}").json().path("id").asText();
            october(http, "S-GOLD", 99.0, 98.5, 99.5);  // average 99.0 against 99.9
            october(http, "S-SILVER", 99.6, 99.6);       // complies with 99.5
            october(http, "S-BRONZE", 70, 70);           // 70 against 99.0: the credit reaches bronze's max
            await().atMost(Duration.ofSeconds(120)).until(() -> hours(http, "S-GOLD") == 3 && hours(http, "S-SILVER") == 2
                    && hours(http, "S-BRONZE") == 2);

            assertThat(http.as("operator").post("/api/v1/sla/month-end?month=" + OCTOBER, "{}").status()).isEqualTo(403);
            JsonNode first = http.post("/api/v1/sla/month-end?month=" + OCTOBER, "{}").json();
            assertThat(first.path("checked").asInt()).isEqualTo(3);
            assertThat(first.path("compliant").asInt()).isEqualTo(1);
            assertThat(first.path("breaches").asInt()).isEqualTo(2);
            assertThat(first.path("credited")).hasSize(2);
            for (JsonNode c : first.path("credited")) {
                creditIds.put(c.path("serviceId").asText(), c.path("creditId").asText());
            }
            assertThat(creditIds.get("S-GOLD")).isEqualTo(EventFactory.stableId("SlaCompensationCredit", "S-GOLD",
                    "vpn.availability", OCTOBER));
            assertThat(http.post("/api/v1/sla/month-end?month=" + OCTOBER, "{}").json().path("credited"))
                    .as("a second pass credits nothing").isEmpty();

            Map<String, JsonNode> billed = awaitBilled(hub, 2);
            JsonNode gold = billed.get("S-GOLD");
            assertThat(gold.path("type").asText()).isEqualTo("SlaCompensationCredit");
            assertThat(gold.path("creditId").asText()).isEqualTo(creditIds.get("S-GOLD"));
            assertThat(gold.path("customerId").asText()).isEqualTo("C-GOLD");
            assertThat(gold.path("month").asText()).isEqualTo(OCTOBER);
            assertThat(gold.path("slaTier").asText()).isEqualTo("gold");
            assertThat(gold.path("monthAverage").asDouble()).isEqualTo(99.0);
            assertThat(gold.path("shortfallPercent").asDouble()).isEqualTo(0.9009);
            assertThat(gold.path("amount").asDouble()).isEqualTo(145.05);
            assertThat(gold.path("currency").asText()).isEqualTo("EUR");
            JsonNode bronze = billed.get("S-BRONZE");
            assertThat(bronze.path("amount").asDouble()).as("20 + 10 x 29.29 capped at 200").isEqualTo(200);
            assertThat(billed).doesNotContainKey("S-SILVER");
            assertThat(broker(hub).browse(BILLING, creditIds.get("S-GOLD")).get(0).properties())
                    .containsEntry("_AMQ_DUPL_ID", creditIds.get("S-GOLD"));

            // The broker took a breach whose database row was then lost: the pass sends it again, same ids,
            // and billing's queue drops the duplicate.
            hub.getBean(JdbcTemplate.class).update("delete from sla_breach where service_id = 'S-GOLD'");
            assertThat(http.post("/api/v1/sla/month-end?month=" + OCTOBER, "{}").json().path("credited")).hasSize(1);
            passProbeThroughRoute(hub, "probe-1");

            // a credit that is not one: quarantined with its body, never forwarded
            String poison = "{\"type\":\"SlaCompensationCredit\",\"creditId\":\"poison-credit\",\"serviceId\":\"S-GOLD\"}";
            broker(hub).sendText("cem.sla.credits", poison);
            await().atMost(Duration.ofSeconds(120)).until(() -> !broker(hub).browse("cem.quarantine", "poison-credit").isEmpty());
            BrokerProbe.Entry quarantined = broker(hub).browse("cem.quarantine", "poison-credit").get(0);
            assertThat(quarantined.body()).isEqualTo(poison);
            assertThat(quarantined.properties().get("cemReason")).contains("amount must be a number above 0");
            assertThat(quarantined.properties().get("cemAdapter")).isEqualTo("sla-compensation");
            passProbeThroughRoute(hub, "probe-2");
            assertThat(broker(hub).browse(BILLING, "poison-credit")).isEmpty();
            assertThat(awaitBilled(hub, 2)).containsOnlyKeys("S-GOLD", "S-BRONZE");

            List<String> goldEvents = drain(hub, goldBreaches);
            assertThat(goldEvents).as("the breach event twice (the lost row), with one id, for the gold subscriber only")
                    .containsExactly(EventFactory.stableId("SlaBreachEvent", "S-GOLD", "vpn.availability", OCTOBER),
                            EventFactory.stableId("SlaBreachEvent", "S-GOLD", "vpn.availability", OCTOBER));
        }

        // The scheduled pass every 2 s, its clock's "now - delay" in November 2026: October is the month it closes.
        Duration delay = Duration.between(Instant.parse("2026-11-15T00:00:00Z"), Instant.now());
        try (ConfigurableApplicationContext hub = start("--cem.sla.month-end.check=2s", "--cem.sla.month-end.delay=" + delay)) {
            Http http = http(hub);
            JsonNode rerun = http.post("/api/v1/sla/month-end?month=" + OCTOBER, "{}").json();
            assertThat(rerun.path("breaches").asInt()).isEqualTo(2);
            assertThat(rerun.path("credited")).as("after a restart nothing is credited again").isEmpty();
            JsonNode stored = http.get("/api/v1/sla/breaches?month=" + OCTOBER).json();
            assertThat(stored).hasSize(2);
            assertThat(stored.findValuesAsText("creditId")).containsExactlyInAnyOrderElementsOf(creditIds.values());

            // The job found October closed; with the gold row lost and the month open again, it closes it once
            // more and sends the gold breach again, which billing's queue drops.
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            jdbc.update("delete from sla_breach where service_id = 'S-GOLD'");
            jdbc.update("delete from sla_month_close");
            await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject("select count(*) from sla_breach"
                    + " where service_id = 'S-GOLD'", Integer.class) == 1
                    && jdbc.queryForObject("select count(*) from sla_month_close", Integer.class) == 1);
            assertThat(jdbc.queryForObject("select breaches from sla_month_close", Integer.class)).isEqualTo(2);
            passProbeThroughRoute(hub, "probe-3");
            assertThat(awaitBilled(hub, 2)).containsOnlyKeys("S-GOLD", "S-BRONZE");
            EventCollector events = new EventCollector(hub.getBean(ActiveMQConnectionFactory.class), "sla-compensation");
            await().atMost(Duration.ofSeconds(120)).until(() -> breachEvents(events).size() == 4);
            assertThat(breachEvents(events).stream().map(e -> e.path("correlationId").asText()).distinct())
                    .containsExactlyInAnyOrder("S-GOLD", "S-BRONZE");
            assertThat(breachEvents(events).stream().map(e -> e.path("eventId").asText()).distinct()).hasSize(2);
            JsonNode breach = breachEvents(events).get(0).path("event").path("slaBreach");
            assertThat(breach.path("creditId").asText()).isIn(creditIds.values());
            events.unsubscribe();
        }
    }

    private static List<JsonNode> breachEvents(EventCollector events) {
        return events.events(e -> "SlaBreachEvent".equals(e.path("eventType").asText()));
    }

    /** The credits on billing's queue by service; waits until there are {@code n} and checks none is there twice. */
    private static Map<String, JsonNode> awaitBilled(ConfigurableApplicationContext hub, int n) {
        await().atMost(Duration.ofSeconds(120)).until(() -> broker(hub).browse(BILLING, "\"type\":\"SlaCompensationCredit\"")
                .stream().filter(e -> !e.body().contains("probe-")).count() >= n);
        Map<String, JsonNode> byService = new TreeMap<>();
        for (BrokerProbe.Entry e : broker(hub).browse(BILLING, "\"type\":\"SlaCompensationCredit\"")) {
            JsonNode credit = json(e.body());
            if (!credit.path("creditId").asText().startsWith("probe-")) {
                assertThat(byService.put(credit.path("serviceId").asText(), credit)).as("credited twice: " + e.body()).isNull();
            }
        }
        assertThat(byService).hasSize(n);
        return byService;
    }

    /** A valid credit of its own sent after the others: once it is on billing's queue, the route took all before it. */
    private static void passProbeThroughRoute(ConfigurableApplicationContext hub, String creditId) {
        broker(hub).sendText("cem.sla.credits", "{\"type\":\"SlaCompensationCredit\",\"creditId\":\"" + creditId
                + "\",\"customerId\":\"C-PROBE\",\"serviceId\":\"S-PROBE\",\"metric\":\"vpn.availability\","
                + "\"month\":\"" + OCTOBER + "\",\"amount\":1,\"currency\":\"EUR\"}");
        await().atMost(Duration.ofSeconds(120)).until(() -> !broker(hub).browse(BILLING, creditId).isEmpty());
    }

    private static void register(Http http, String customer, String tier, String service) {
        assertThat(http.put("/api/v1/customers/" + customer, "{\"name\":\"SLA " + customer
                + "\",\"segment\":\"business\",\"slaTier\":\"" + tier + "\"}").status()).isIn(200, 201);
        assertThat(http.put("/api/v1/services/" + service, "{\"customerId\":\"" + customer + "\",\"serviceType\":\"vpn\"}")
                .status()).isIn(200, 201);
    }

    /** One availability value per hour from October 10th, 00:30. */
    private static void october(Http http, String service, double... values) {
        List<String> records = new ArrayList<>();
        Instant start = Instant.parse("2026-10-10T00:30:00Z");
        for (int h = 0; h < values.length; h++) {
            records.add("{\"id\":\"" + service + "-" + h + "\",\"serviceId\":\"" + service
                    + "\",\"metric\":\"vpn.availability\",\"value\":" + values[h] + ",\"observedAt\":\""
                    + start.plus(Duration.ofHours(h)) + "\"}");
        }
        Http.Response r = http.post("/api/v1/measurements", "[" + String.join(",", records) + "]");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    private static long hours(Http http, String service) {
        JsonNode series = http.get("/api/v1/services/" + service + "/kpis?metric=vpn.availability"
                + "&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z").json().path("series");
        return series.isEmpty() ? 0 : series.get(0).path("points").size();
    }

    private static List<String> drain(ConfigurableApplicationContext hub, String subscriptionId) {
        List<String> ids = new ArrayList<>();
        try (jakarta.jms.Connection connection = hub.getBean(ActiveMQConnectionFactory.class).createConnection()) {
            jakarta.jms.Session session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            jakarta.jms.MessageConsumer consumer = session.createConsumer(
                    session.createQueue("cem.events::cem.sub." + subscriptionId));
            connection.start();
            for (jakarta.jms.Message m = consumer.receive(5000); m != null; m = consumer.receive(500)) {
                ids.add(json(((jakarta.jms.TextMessage) m).getText()).path("eventId").asText());
            }
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static JsonNode json(String text) {
        try {
            return TestRecords.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
