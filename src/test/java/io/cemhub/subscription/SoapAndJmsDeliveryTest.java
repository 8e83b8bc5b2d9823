package io.cemhub.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import io.cemhub.support.SoapSubscriber;
import io.cemhub.support.TestRecords;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SOAP and JMS subscribers, and the filters that decide what each one gets. */
@TestPropertySource(properties = {"cem.subscriptions.retry-initial-delay=50ms", "cem.subscriptions.retry-max-delay=400ms",
        "cem.subscriptions.timeout=2s"})
class SoapAndJmsDeliveryTest extends EventsTestSupport {

    @Autowired
    RegistryService registry;

    @Test
    void aSoapSubscriberReceivesItsNotificationsAfterServerFaults() {
        String service = service("soap", "VIP");
        try (SoapSubscriber subscriber = new SoapSubscriber(2)) {
            create("{\"channel\":\"soap\",\"callback\":\"" + subscriber.address() + "\",\"query\":\"serviceId=" + service
                    + "&eventType=MeasurementCreateEvent\"}");
            List<String> records = post(service, "vpn.rtt.avg", 3);

            await().atMost(Duration.ofSeconds(30)).until(() -> new LinkedHashSet<>(subscriber.eventIds()).size() == 3);
            assertThat(new ArrayList<>(new LinkedHashSet<>(subscriber.eventIds()))).isEqualTo(eventIds(records));
            assertThat(subscriber.calls()).isGreaterThanOrEqualTo(5);
        }
        Http.Response wsdl = http().get("/wsdl/event-notification.wsdl");
        assertThat(wsdl.status()).isEqualTo(200);
        assertThat(wsdl.raw().body()).contains("EventNotificationService");
    }

    @Test
    void jmsSubscribersGetExactlyTheEventsTheirQueriesSelect() throws Exception {
        String vip = service("vip", "VIP");
        String sme = service("sme", "SME");
        String lossOfBoth = create("{\"channel\":\"jms\",\"query\":\"serviceId=" + vip + "," + sme
                + "&metric=vpn.loss&eventType=MeasurementCreateEvent\"}").path("id").asText();
        String vipOnly = create("{\"channel\":\"jms\",\"query\":\"segment=VIP&customerId=C-vip-" + run
                + "&eventType=MeasurementCreateEvent\"}").path("id").asText();
        List<String> vipLoss = post(vip, "vpn.loss", 2);
        List<String> vipRtt = post(vip, "vpn.rtt.avg", 2);
        List<String> smeLoss = post(sme, "vpn.loss", 2);
        post(sme, "vpn.rtt.avg", 1);
        eventIds(List.of(vipLoss, vipRtt, smeLoss).stream().flatMap(List::stream).toList()); // all published

        List<String> expectedLoss = new ArrayList<>(eventIds(vipLoss));
        expectedLoss.addAll(eventIds(smeLoss));
        List<String> expectedVip = new ArrayList<>(eventIds(vipLoss));
        expectedVip.addAll(eventIds(vipRtt));
        assertThat(drain(lossOfBoth)).containsExactlyInAnyOrderElementsOf(expectedLoss);
        assertThat(drain(vipOnly)).containsExactlyInAnyOrderElementsOf(expectedVip);
    }

    @Test
    void anInvalidQueryIsRefusedWithWhatToFix() {
        Http.Response answer = http().post("/tmf-api/eventManagement/v4/hub",
                "{\"callback\":\"http://127.0.0.1:1/x\",\"query\":\"eventType=AlarmCreateEvent&perceivedSeverity>=bad\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).endsWith("/invalid-subscription");
        assertThat(answer.json().path("detail").asText()).contains("'bad' is no TMF642 severity");
        assertThat(http().post("/tmf-api/eventManagement/v4/hub", "{\"query\":\"segment=VIP\"}").json()
                .path("detail").asText()).contains("needs a callback");
        assertThat(http().post("/tmf-api/eventManagement/v4/hub", "{\"callback\":\"ftp://x/y\"}").status()).isEqualTo(400);
    }

    @Test
    void theHubListsShowsAndDeletesSubscriptionsButNotThoseOfTheConfigFile() {
        JsonNode created = create("{\"callback\":\"http://127.0.0.1:9/hook\",\"query\":\"segment=VIP\"}");
        String id = created.path("id").asText();
        assertThat(created.path("secret").asText()).as("a secret is made and shown once").hasSizeGreaterThan(20);
        JsonNode shown = http().get("/tmf-api/eventManagement/v4/hub/" + id).json();
        assertThat(shown.path("query").asText()).isEqualTo("segment=VIP");
        assertThat(shown.has("secret")).isFalse();
        assertThat(http().get("/tmf-api/eventManagement/v4/hub").json().findValuesAsText("id")).contains(id, "noc-alarms");

        assertThat(http().delete("/tmf-api/eventManagement/v4/hub/" + id).status()).isEqualTo(204);
        assertThat(http().get("/tmf-api/eventManagement/v4/hub/" + id).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/subscriptions/" + id + "/status").status()).isEqualTo(404);
        Http.Response fromFile = http().delete("/tmf-api/eventManagement/v4/hub/noc-alarms");
        assertThat(fromFile.status()).isEqualTo(409);
        assertThat(fromFile.json().path("detail").asText()).contains("config/subscriptions.yaml");
    }

    private JsonNode create(String body) {
        Http.Response created = http().post("/tmf-api/eventManagement/v4/hub", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Takes every message off a jms subscriber's queue (cem.events::cem.sub.{id}); answers their eventIds. */
    private List<String> drain(String subscriptionId) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("cem.events::cem.sub." + subscriptionId));
            connection.start();
            for (TextMessage m = (TextMessage) consumer.receive(2000); m != null; m = (TextMessage) consumer.receive(300)) {
                ids.add(TestRecords.JSON.readTree(m.getText()).path("eventId").asText());
            }
        }
        return ids;
    }

    private String service(String name, String segment) {
        String customer = "C-" + name + "-" + run;
        String service = "S-" + name + "-" + run;
        registry.putCustomer(new Customer(customer, "Subscriber test", segment, "gold", "active", Map.of()));
        registry.putService(new Service(service, customer, "vpn", Map.of(), Map.of()));
        return service;
    }

    private List<String> post(String service, String metric, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(service + "-" + metric + "-" + i);
        }
        String body = ids.stream().map(id -> TestRecords.measurementJson(id, service, metric, 0))
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(http().post("/api/v1/measurements", body).status()).isEqualTo(202);
        return ids;
    }

    private List<String> eventIds(List<String> recordIds) {
        await().atMost(Duration.ofSeconds(20)).until(() -> recordIds.stream().allMatch(r -> events.about(r).size() == 1));
        return recordIds.stream().map(r -> events.about(r).get(0).path("eventId").asText()).toList();
    }
}
