package io.cemhub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.FakeCrm;
import io.cemhub.support.FreePorts;
import io.cemhub.support.Soap;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub asks the CRM (a real CXF endpoint on its own loopback port) about ids it does not know. The CRM
 * starts DOWN: records wait, the circuit breaker opens; once the CRM is up they are resolved.
 */
class CrmQueryTest extends EventsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(45);
    static final FakeCrm CRM = new FakeCrm(FreePorts.next());

    @Autowired
    RegistryService registry;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry properties) {
        properties.add("cem.crm.query.url", CRM::url);
        properties.add("cem.crm.query.open-for", () -> "1s");
        properties.add("cem.crm.query.receive-timeout", () -> "2s");
        properties.add("cem.crm.query.minimum-number-of-calls", () -> "2");
        properties.add("cem.identity.hold-horizon", () -> "PT1H");
        properties.add("cem.identity.hold-sweep", () -> "500ms");
    }

    @AfterAll
    static void stopCrm() throws Exception {
        CRM.stop();
    }

    /** The customer element of the golden CustomerUpdated sample, as the CRM's GetCustomer answers it. */
    static String customerXml(String run) {
        String sample = Soap.sample("customer-updated.request.xml", run);
        return sample.substring(sample.indexOf("<crm:customer>"), sample.indexOf("</crm:customer>") + "</crm:customer>".length());
    }

    static String vpnMeasurement(String id, String tunnel) {
        return "{\"id\":\"" + id + "\",\"source\":{\"system\":\"wisla-vpn\"},\"serviceId\":\"" + tunnel
                + "\",\"metric\":\"vpn.jitter\",\"value\":2,\"observedAt\":\"2026-11-22T09:00:00Z\"}";
    }

    double count(String outcome) {
        var counter = meters.find("cem.crm.query").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void whileTheCrmIsDownRecordsWaitAndOnceItIsUpTheyAreResolvedFromItsAnswer() throws Exception {
        String tunnel = "TUN-" + run + "-B";
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> "q-" + run + "-" + i).toList();
        String body = ids.stream().map(id -> vpnMeasurement(id, tunnel)).collect(Collectors.joining(",", "[", "]"));
        assertThat(http().post("/api/v1/measurements", body).status()).isEqualTo(202);

        // the CRM is down: asked, unavailable, and nothing is lost or let through
        await().atMost(WAIT).until(() -> count("unavailable") >= 2);
        assertThat(ids).allSatisfy(id -> assertThat(events.about(id)).isEmpty());
        assertThat(registry.service("S-" + run + "-VPN")).isEmpty();

        CRM.know(customerXml(run), "wisla-vpn:" + tunnel).start();

        // the first answer after the CRM comes back: about 10 s (the breaker's trial); it took 7-80 s while the
        // client used CXF's HttpClient conduit, which sent empty bodies on connections from before (CrmTimeouts)
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> events.about(id).size() == 1));
        JsonNode event = events.about(ids.get(0)).get(0).path("event");
        assertThat(event.path("context").path("identity").asText()).isEqualTo("resolved");
        assertThat(event.path("measurement").path("serviceId").asText()).isEqualTo("S-" + run + "-VPN");
        assertThat(event.path("context").path("slaTier").asText()).isEqualTo("gold");
        // five records, one question: in flight ids are asked once, answers are remembered
        assertThat(CRM.asked().stream().filter(("wisla-vpn:" + tunnel)::equals)).hasSize(1);
        assertThat(registry.customer("C-" + run).orElseThrow().externalIds().get("billing")).contains("ACC-" + run);
        assertThat(count("found")).isGreaterThanOrEqualTo(1);
    }
}
