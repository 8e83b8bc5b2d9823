package io.cemhub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Soap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The CRM pushes over real SOAP (golden samples in adapters/crm/samples): registry, tickets, Faults. */
class CrmNotificationTest extends EventsTestSupport {

    @Autowired
    RegistryService registry;

    String url() {
        return "http://127.0.0.1:" + port + "/services/crm";
    }

    @Test
    void customerUpdatedPutsTheCustomerItsContactAndItsFourServicesInTheRegistry() {
        Soap.Answer answer = Soap.post(url(), Soap.sample("customer-updated.request.xml", run));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("accepted>true<").contains("customer C-" + run + " created with 4 service(s)");
        Customer customer = registry.customer("C-" + run).orElseThrow();
        assertThat(customer.name()).isEqualTo("Ada Lovelace");
        assertThat(customer.segment()).isEqualTo("VIP");
        assertThat(customer.slaTier()).isEqualTo("gold");
        assertThat(customer.externalIds().get("billing")).containsExactly("ACC-" + run, "ACC-" + run + "-V");
        Service vpn = registry.service("S-" + run + "-VPN").orElseThrow();
        assertThat(vpn.externalIds().get("wisla-vpn")).containsExactly("TUN-" + run + "-A", "TUN-" + run + "-B");
        assertThat(vpn.characteristics()).containsEntry("availabilityPct", 99.9);
        assertThat(registry.service("S-" + run + "-PORT").orElseThrow().externalIds().get("snmp"))
                .containsExactly("pe1-" + run + ".example.net/7");

        // sent again with one service less: the CRM is the master, the dropped service leaves the registry
        String withoutPort = Soap.sample("customer-updated.request.xml", run)
                .replaceAll("(?s)<crm:service>\\s*<crm:id>S-" + run + "-PORT</crm:id>.*?</crm:service>", "");
        Soap.Answer again = Soap.post(url(), withoutPort);
        assertThat(again.body()).as(again.body()).contains("updated with 3 service(s), 1 removed");
        assertThat(registry.service("S-" + run + "-PORT")).isEmpty();
        assertThat(registry.services("C-" + run, 0, 10).total()).isEqualTo(3);
    }

    @Test
    void ticketsBecomeCustomerInteractionEventsOnCemEvents() {
        Soap.post(url(), Soap.sample("customer-updated.request.xml", run));

        Soap.Answer created = Soap.post(url(), Soap.sample("ticket-created.request.xml", run));
        Soap.Answer updated = Soap.post(url(), Soap.sample("ticket-updated.request.xml", run));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        String createdId = "crm/ticket/TT-" + run + "/created";
        String updatedId = "crm/ticket/TT-" + run + "/2026-11-22T11:30:00Z";
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about(createdId).size() == 1
                && events.about(updatedId).size() == 1);
        JsonNode event = events.about(createdId).get(0);
        assertThat(event.path("eventType").asText()).isEqualTo("CustomerInteractionCreateEvent");
        assertThat(event.path("priority").asText()).isEqualTo("high");
        JsonNode interaction = event.path("event").path("interaction");
        assertThat(interaction.path("interactionType").asText()).isEqualTo("troubleTicket");
        assertThat(interaction.path("troubleTicket").path("status").asText()).isEqualTo("acknowledged");
        assertThat(interaction.path("troubleTicket").path("severity").asText()).isEqualTo("major");
        assertThat(interaction.path("serviceId").asText()).isEqualTo("S-" + run + "-VPN");
        assertThat(event.path("event").path("context").path("identity").asText()).isEqualTo("resolved");
        assertThat(event.path("event").path("context").path("segment").asText()).isEqualTo("VIP");
        assertThat(events.about(updatedId).get(0).path("event").path("interaction").path("troubleTicket")
                .path("status").asText()).isEqualTo("resolved");
    }

    @Test
    void customerRemovedTakesTheCustomerAndItsServicesOutOfTheRegistry() {
        Soap.post(url(), Soap.sample("customer-updated.request.xml", run));

        Soap.Answer answer = Soap.post(url(), Soap.sample("customer-removed.request.xml", run));

        assertThat(answer.body()).as(answer.body()).contains("customer C-" + run + " removed with 4 service(s)");
        assertThat(registry.customer("C-" + run)).isEmpty();
        assertThat(registry.service("S-" + run + "-VPN")).isEmpty();
    }

    @Test
    void aRequestThatBreaksTheSchemaGetsAClientFaultNamingTheElement() {
        Soap.Answer missingName = Soap.post(url(), Soap.sample("missing-name.invalid.xml", run));
        Soap.Answer badStatus = Soap.post(url(), Soap.sample("bad-status.invalid.xml", run));

        assertThat(missingName.isFault()).as(missingName.body()).isTrue();
        assertThat(missingName.body()).contains("<faultcode>soap:Client</faultcode>");
        assertThat(missingName.faultString()).contains("status").contains("name").contains("is expected");
        assertThat(badStatus.isFault()).as(badStatus.body()).isTrue();
        assertThat(badStatus.faultString()).contains("on-fire");
        assertThat(registry.customer("C-" + run)).isEmpty();
    }

    @Test
    void anExternalIdOfAnotherCustomerRefusesTheWholeUpdateWithAConflictFault() {
        registry.putCustomer(new Customer("OTHER-" + run, "Other", "residential", "bronze", "active", Map.of()));
        registry.putService(new Service("OTHER-S-" + run, "OTHER-" + run, "vpn", Map.of(),
                Map.of("wisla-vpn", List.of("TUN-" + run + "-B"))));

        Soap.Answer answer = Soap.post(url(), Soap.sample("customer-updated.request.xml", run));

        assertThat(answer.isFault()).as(answer.body()).isTrue();
        assertThat(answer.body()).contains("registry-conflict");
        assertThat(answer.faultString()).contains("wisla-vpn:TUN-" + run + "-B").contains("OTHER-S-" + run);
        assertThat(registry.customer("C-" + run)).as("nothing of the update is kept").isEmpty();
    }

    @Test
    void theWsdlIsServedAndSpringMvcStillAnswersBesideTheCxfServlet() {
        assertThat(http().get("/services/crm?wsdl").raw().body()).contains("CrmNotificationService").contains("crm.xsd");
        assertThat(http().get("/api/v1/customers").status()).isEqualTo(200);
        assertThat(http().get("/actuator/health").status()).isEqualTo(200);
        assertThat(http().get("/v3/api-docs").json().path("paths").has("/api/v1/customers/{id}/overview")).isTrue();
        assertThat(http().get("/v3/api-docs").json().path("paths").has("/api/v1/identity/held")).isTrue();
    }
}
