package io.cemhub.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Soap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One person, four services, five systems: the CRM says who she is (over SOAP); the ids wiSLA.VPN,
 * wiSLA.Speedtest, SNMP and billing use all resolve to her and to the right service, and Customer 360
 * shows it all in one answer.
 */
class OneCustomerIdentityTest extends EventsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    IdentityResolver resolver;

    String measurement(String id, String system, String serviceId, String metric, double value) {
        return "{\"id\":\"" + id + "\",\"source\":{\"system\":\"" + system + "\"},\"serviceId\":\"" + serviceId
                + "\",\"metric\":\"" + metric + "\",\"value\":" + value + ",\"observedAt\":\"2026-11-22T09:00:00Z\"}";
    }

    @Test
    void everyExternalIdOfTheFiveSystemsResolvesToTheOneCustomerAndTheRightService() {
        Soap.Answer answer = Soap.post("http://127.0.0.1:" + port + "/services/crm",
                Soap.sample("customer-updated.request.xml", run));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String customer = "C-" + run;

        // record id -> system, the system's id, metric, value, the canonical service; only the VPN loss raises an alarm
        Map<String, String[]> expected = Map.of(
                "vpn-" + run, new String[] {"wisla-vpn", "TUN-" + run + "-B", "vpn.loss", "6", "S-" + run + "-VPN"},
                "line-" + run, new String[] {"wisla-speedtest", "LINE-" + run, "speedtest.download.mbps", "250", "S-" + run + "-BB"},
                "port-" + run, new String[] {"snmp", "pe1-" + run + ".example.net/7", "net.if.util.in", "12.5", "S-" + run + "-PORT"},
                "voice-" + run, new String[] {"billing", "ACC-" + run + "-V", "voice.call.success.ratio", "0.9", "S-" + run + "-VOICE"});
        List<String> records = new ArrayList<>();
        expected.forEach((id, e) -> records.add(measurement(id, e[0], e[1], e[2], Double.parseDouble(e[3]))));
        assertThat(http().post("/api/v1/measurements", "[" + String.join(",", records) + "]").status()).isEqualTo(202);
        // a payment names the customer's billing account, and the CRM's ticket names the customer itself
        new BrokerProbe(connectionFactory).sendText("cem.ingest.canonical", "{\"recordType\":\"interaction\",\"id\":\"pay-"
                + run + "\",\"interactionType\":\"payment\",\"source\":{\"system\":\"billing\"},\"customerId\":\"ACC-" + run
                + "\",\"occurredAt\":\"2026-11-22T10:00:00Z\",\"money\":{\"kind\":\"paymentReceived\",\"account\":\"ACC-"
                + run + "\",\"amountMinor\":4990,\"currency\":\"EUR\"}}");
        Soap.post("http://127.0.0.1:" + port + "/services/crm", Soap.sample("ticket-created.request.xml", run));

        expected.forEach((id, e) -> {
            await().atMost(WAIT).until(() -> events.about(id).size() == 1);
            JsonNode event = events.about(id).get(0).path("event");
            assertThat(event.path("measurement").path("customerId").asText()).as(e[0]).isEqualTo(customer);
            assertThat(event.path("measurement").path("serviceId").asText()).as(e[0]).isEqualTo(e[4]);
            assertThat(event.path("measurement").path("characteristics").path("externalServiceId").asText()).isEqualTo(e[1]);
            assertThat(event.path("context").path("customerName").asText()).isEqualTo("Ada Lovelace");
            assertThat(resolver.service(e[0], e[1]).orElseThrow().customer().id()).isEqualTo(customer);
        });
        assertThat(resolver.service("wisla-vpn", "TUN-" + run + "-A").orElseThrow().service().id()).isEqualTo("S-" + run + "-VPN");
        assertThat(resolver.customer("billing", "ACC-" + run).orElseThrow().id()).isEqualTo(customer);
        for (String id : List.of("pay-" + run, "crm/ticket/TT-" + run + "/created")) {
            await().atMost(WAIT).until(() -> events.about(id).size() == 1);
            assertThat(events.about(id).get(0).path("event").path("context").path("customerId").asText()).isEqualTo(customer);
        }

        // Customer 360: all of it in one answer
        JsonNode overview = http().get("/api/v1/customers/" + customer + "/overview").json();
        assertThat(overview.path("customer").path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(overview.path("contact").path("email").asText()).isEqualTo("ada@example.org");
        assertThat(overview.path("services")).hasSize(4);
        JsonNode vpn = service(overview, "S-" + run + "-VPN");
        assertThat(vpn.path("latestKpis").get(0).path("metric").asText()).isEqualTo("vpn.loss");
        assertThat(vpn.path("latestKpis").get(0).path("value").asDouble()).isEqualTo(6.0);
        assertThat(vpn.path("latestKpis").get(0).path("unit").asText()).isEqualTo("%");
        assertThat(service(overview, "S-" + run + "-PORT").path("latestKpis").get(0).path("metric").asText())
                .isEqualTo("net.if.util.in");
        await().atMost(WAIT).until(() -> http().get("/api/v1/customers/" + customer + "/overview").json()
                .path("openAlarms").size() == 1);
        overview = http().get("/api/v1/customers/" + customer + "/overview").json();
        assertThat(overview.path("openAlarms").get(0).path("alarmedObject").asText()).isEqualTo("S-" + run + "-VPN");
        List<String> interactions = new ArrayList<>();
        overview.path("recentInteractions").forEach(i -> interactions.add(i.path("interactionType").asText()));
        assertThat(interactions).containsExactly("payment", "troubleTicket");
    }

    @Test
    void theOverviewOfAnUnknownCustomerIsA404Problem() {
        var answer = http().get("/api/v1/customers/NOBODY-" + run + "/overview");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("type").asText()).endsWith("/not-found");
    }

    static JsonNode service(JsonNode overview, String id) {
        for (JsonNode s : overview.path("services")) {
            if (s.path("service").path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no service " + id + " in " + overview);
    }
}
