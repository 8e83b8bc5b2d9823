package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventsTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Money events over JMS: good ones become customer interaction events, a bad message is quarantined whole. */
class BillingEventsJmsTest extends EventsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String QUEUE = "cem.adapter.billing-events";

    @Autowired
    RegistryService registry;

    /** The golden sample with this test's own event ids and accounts. */
    private String sample(String file) throws Exception {
        return Files.readString(Path.of("adapters/billing/samples", file))
                .replace("-2026", "-" + run + "-2026").replace("\"ACC-", "\"ACC-" + run + "-");
    }

    @Test
    void moneyEventsBecomeInteractionEventsOfTheCustomerTheBillingAccountNames() throws Exception {
        String account = "ACC-" + run + "-1001";
        registry.putCustomer(new Customer("C-" + run, "Billing test", "business", "silver", "active",
                Map.of("billing", List.of(account))));

        new BrokerProbe(connectionFactory).sendBytes(QUEUE, sample("money-events.input.json").getBytes(StandardCharsets.UTF_8),
                m -> BrokerProbe.setProperty(m, "CamelJmsDestinationName", "cem.events"));

        String payment = "billing/PAY-" + run + "-20261122-0001";
        await().atMost(WAIT).until(() -> !events.about(payment).isEmpty());
        JsonNode event = events.about(payment).get(0);
        assertThat(event.path("eventType").asText()).isEqualTo("CustomerInteractionCreateEvent");
        JsonNode interaction = event.path("event").path("interaction");
        assertThat(interaction.path("interactionType").asText()).isEqualTo("payment");
        assertThat(interaction.path("money").path("amountMinor").asLong()).isEqualTo(4999);
        assertThat(interaction.path("money").path("currency").asText()).isEqualTo("EUR");
        assertThat(event.path("event").path("context").path("customerId").asText())
                .as("the billing account resolves to the registry's customer").isEqualTo("C-" + run);
        await().atMost(WAIT).until(() -> events.events(e -> e.path("correlationId").asText().contains("-" + run + "-2026")).size() == 4);
        JsonNode overdue = events.about("billing/DUN-" + run + "-20261122-0002").get(0).path("event").path("interaction");
        assertThat(overdue.path("occurredAt").asText()).as("normalised to UTC").isEqualTo("2026-11-22T07:05:00Z");
        assertThat(events.about("billing/CRD-" + run + "-20261122-0004").get(0).path("event").path("interaction")
                .path("interactionType").asText()).isEqualTo("balance");
    }

    @Test
    void aBadMoneyEventMessageLandsInQuarantineWholeWithItsOriginalBody() throws Exception {
        String payload = sample("money-event-bad.poison.json");
        BrokerProbe broker = new BrokerProbe(connectionFactory);

        broker.sendBytes(QUEUE, payload.getBytes(StandardCharsets.UTF_8), m -> { });

        await().atMost(WAIT).until(() -> !broker.browse("cem.quarantine", "PAY-" + run).isEmpty());
        BrokerProbe.Entry entry = broker.browse("cem.quarantine", "PAY-" + run).get(0);
        assertThat(entry.body()).isEqualTo(payload);
        assertThat(entry.properties()).containsEntry("cemAdapter", "billing").containsEntry("cemFormat", "json");
        assertThat(entry.properties().get("cemReason")).contains("3 of 3 item(s) refused")
                .contains("amountMinor").contains("produced no record").contains("currency");
        assertThat(events.events(e -> e.path("correlationId").asText().contains("-" + run + "-2026"))).isEmpty();
    }

    @Test
    void aMessageWithOneBadEventIsRefusedWholeAndItsGoodEventIsNotTakenIn() throws Exception {
        String good = "{\"eventId\":\"OK-" + run + "\",\"type\":\"paymentReceived\",\"account\":\"ACC-1\","
                + "\"amount\":{\"minor\":100,\"currency\":\"EUR\"},\"time\":\"2026-11-22T08:00:00Z\"}";
        String payload = "[" + good + "," + good.replace("OK-", "BAD-").replace("paymentReceived", "refundIssued") + "]";
        BrokerProbe broker = new BrokerProbe(connectionFactory);

        broker.sendBytes(QUEUE, payload.getBytes(StandardCharsets.UTF_8), m -> { });

        await().atMost(WAIT).until(() -> !broker.browse("cem.quarantine", "OK-" + run).isEmpty());
        BrokerProbe.Entry entry = broker.browse("cem.quarantine", "OK-" + run).get(0);
        assertThat(entry.body()).as("one entry: the message as it came").isEqualTo(payload);
        assertThat(entry.properties().get("cemOrigin")).doesNotContain("#item");
        assertThat(entry.properties().get("cemReason")).contains("1 of 2 item(s) refused");
        assertThat(events.about("billing/OK-" + run)).as("all-or-nothing: the good event waits with the message").isEmpty();
    }
}
