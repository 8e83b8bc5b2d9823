package io.cemhub.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import io.cemhub.support.TestRecords;
import io.cemhub.support.WebhookReceiver;
import io.cemhub.support.WebhookReceiver.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhook subscribers: at-least-once delivery, dedup by eventId, order, signatures, dead letters, groups. */
@TestPropertySource(properties = {"cem.subscriptions.retry-initial-delay=50ms", "cem.subscriptions.retry-max-delay=400ms",
        "cem.subscriptions.timeout=1s", "cem.subscriptions.group-check=200ms"})
class WebhookDeliveryTest extends EventsTestSupport {

    static final String SECRET = "test-secret-0123456789";

    @Autowired
    RegistryService registry;

    @Test
    void aReceiverThatFailsForAWhileEndsUpWithEveryEventOnceAfterDedupInOrder() {
        String service = service("flaky");
        // 1-3: down; 4: takes the event but answers too late (the hub retries: a duplicate); then fine.
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, n -> n <= 3 ? Answer.status(503)
                : n == 4 ? new Answer(200, 1_500) : Answer.ok())) {
            String id = subscribe("webhook", receiver.url(), "serviceId=" + service + "&eventType=MeasurementCreateEvent");
            List<String> recordIds = post(service, 20);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.distinctEventIds().size() == 20);
            List<String> expected = expectedEventIds(recordIds);
            assertThat(new ArrayList<>(receiver.distinctEventIds())).as("every event once, in order").isEqualTo(expected);
            assertThat(receiver.eventIds()).as("the late answer made a duplicate").hasSizeGreaterThan(20);
            assertThat(receiver.badSignatures()).isEmpty();

            JsonNode status = http().get("/api/v1/subscriptions/" + id + "/status").json();
            assertThat(status.path("delivered").asLong()).isGreaterThanOrEqualTo(20);
            assertThat(status.path("failedAttempts").asLong()).isGreaterThanOrEqualTo(4);
            assertThat(status.path("deadLettered").asLong()).isZero();
            assertThat(status.path("retrying").asBoolean()).isFalse();
            assertThat(status.path("lastError").asText()).contains("timed out");
        }
    }

    @Test
    void refusedEventsAreDeadLetteredWithTheirReasonAndCanBeReplayed() {
        String service = service("refusing");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, n -> Answer.status(422))) {
            String id = subscribe("webhook", receiver.url(), "serviceId=" + service + "&eventType=MeasurementCreateEvent");
            List<String> recordIds = post(service, 3);

            await().atMost(Duration.ofSeconds(20)).until(() -> http().get("/api/v1/subscriptions/" + id + "/status").json()
                    .path("deadLettered").asLong() == 3);
            assertThat(receiver.requests()).as("a 4xx is not retried").isEqualTo(3);
            Http.Response deadAnswer = http().get("/api/v1/subscriptions/" + id + "/dead-letters");
            JsonNode dead = deadAnswer.json();
            assertThat(dead).as(deadAnswer.toString()).hasSize(3);
            assertThat(dead.get(0).path("reason").asText()).contains("422");
            assertThat(dead.get(0).path("envelope").asText()).contains(recordIds.get(0));

            receiver.behave(n -> Answer.ok());
            Http.Response replay = http().post("/api/v1/subscriptions/" + id + "/dead-letters/replay", "{}");
            assertThat(replay.json().path("replayed").asInt()).as(replay.toString()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.distinctEventIds().size() == 3);
            assertThat(receiver.distinctEventIds()).containsExactlyElementsOf(expectedEventIds(recordIds));
            assertThat(http().get("/api/v1/subscriptions/" + id + "/dead-letters").json()).isEmpty();
        }
    }

    @Test
    void aGroupedSubscriptionGetsOneNotificationPerGroup() {
        String a = service("group-a");
        String b = service("group-b");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, n -> Answer.ok())) {
            String body = "{\"channel\":\"webhook\",\"callback\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET
                    + "\",\"query\":\"serviceId=" + a + "," + b + "&eventType=MeasurementCreateEvent\","
                    + "\"groupBy\":[\"serviceId\"],\"groupWait\":\"PT1S\",\"groupInterval\":\"PT1S\"}";
            Http.Response created = http().post("/tmf-api/eventManagement/v4/hub", body);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            List<String> records = new ArrayList<>(post(a, 4));
            records.addAll(post(b, 3));

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.distinctEventIds().size() == 7);
            Map<String, Integer> sizes = receiver.taken().stream().collect(Collectors.toMap(
                    n -> n.path("groupKey").asText(), n -> n.path("events").size(), Integer::sum));
            assertThat(sizes).isEqualTo(Map.of("serviceId=" + a, 4, "serviceId=" + b, 3));
            assertThat(receiver.requests()).isEqualTo(2);
            assertThat(receiver.distinctEventIds()).containsExactlyInAnyOrderElementsOf(expectedEventIds(records));
            assertThat(receiver.badSignatures()).isEmpty();
        }
    }

    @Test
    void aDeadSubscriberHoldsUpNeitherIngestNorOtherSubscribers() {
        String service = service("dead");
        try (WebhookReceiver healthy = new WebhookReceiver(SECRET, n -> Answer.ok())) {
            String dead = subscribe("webhook", "http://127.0.0.1:9/nobody-listens", "serviceId=" + service);
            subscribe("webhook", healthy.url(), "serviceId=" + service + "&eventType=MeasurementCreateEvent");
            List<String> recordIds = post(service, 200);

            await().atMost(Duration.ofSeconds(30)).until(() -> recordIds.stream().allMatch(r -> events.about(r).size() == 1)
                    && healthy.distinctEventIds().size() == 200);
            JsonNode status = http().get("/api/v1/subscriptions/" + dead + "/status").json();
            assertThat(status.path("retrying").asBoolean()).isTrue();
            assertThat(status.path("pending").asLong()).isGreaterThanOrEqualTo(200);
            assertThat(status.path("lastError").asText()).contains("nobody-listens");
        }
    }

    private String subscribe(String channel, String callback, String query) {
        Http.Response created = http().post("/tmf-api/eventManagement/v4/hub", "{\"channel\":\"" + channel
                + "\",\"callback\":\"" + callback + "\",\"secret\":\"" + SECRET + "\",\"query\":\"" + query + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private String service(String name) {
        String customer = "C-" + name + "-" + run;
        String service = "S-" + name + "-" + run;
        registry.putCustomer(new Customer(customer, "Webhook test", "VIP", "gold", "active", Map.of()));
        registry.putService(new Service(service, customer, "vpn", Map.of(), Map.of()));
        return service;
    }

    /** Posts n measurements (no threshold crossed) for a service in one request; answers their record ids. */
    private List<String> post(String service, int n) {
        List<String> ids = IntStream.range(0, n).mapToObj(i -> service + "-m" + i).toList();
        String body = ids.stream().map(id -> TestRecords.measurementJson(id, service, "vpn.rtt.avg", 10))
                .collect(Collectors.joining(",", "[", "]"));
        Http.Response answer = http().post("/api/v1/measurements", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        return ids;
    }

    private List<String> expectedEventIds(List<String> recordIds) {
        await().atMost(Duration.ofSeconds(20)).until(() -> recordIds.stream().allMatch(r -> events.about(r).size() == 1));
        return recordIds.stream().map(r -> events.about(r).get(0).path("eventId").asText()).toList();
    }
}
