package io.cemhub.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.FakeCrm;
import io.cemhub.support.FreePorts;
import io.cemhub.support.MutableClock;
import io.cemhub.support.MutableClockConfiguration;
import io.cemhub.threshold.Direction;
import io.cemhub.threshold.Level;
import io.cemhub.threshold.RuleService;
import io.cemhub.threshold.Scope;
import io.cemhub.threshold.Severity;
import io.cemhub.threshold.ThresholdRule;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The vip-ticket process end to end: threshold alarms from real measurements, a real CRM (a CXF endpoint on
 * its own loopback port) answering CreateTroubleTicket, the ticket seen over TMF642 REST and on cem.events.
 * Alarms are raised in the past through the measurements' observedAt; the hub's clock moves forward when a
 * test needs an alarm to age.
 */
@Import(MutableClockConfiguration.class)
class VipTicketTest extends EventsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final FakeCrm CRM = new FakeCrm(FreePorts.next());
    static final String ALARMS = "/tmf-api/alarmManagement/v4/alarm/";

    @Autowired
    MutableClock clock;
    @Autowired
    RegistryService registry;
    @Autowired
    RuleService rules;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry properties) throws Exception {
        CRM.start();
        properties.add("cem.crm.query.url", CRM::url);
        properties.add("cem.crm.query.open-for", () -> "1s");
        properties.add("cem.crm.query.receive-timeout", () -> "2s");
        properties.add("cem.crm.query.minimum-number-of-calls", () -> "2");
        properties.add("cem.processes.vip-ticket.period", () -> "300ms");
    }

    @AfterAll
    static void stopCrm() throws Exception {
        CRM.stop();
    }

    /** A service of a new customer of the given segment, with a rule: major from 20, critical from 50 (vpn.jitter). */
    String service(String name, String segment) {
        String customer = "C-" + name + "-" + run;
        String service = "S-" + name + "-" + run;
        registry.putCustomer(new Customer(customer, "Customer " + name, segment, "silver", "active", Map.of()));
        registry.putService(new Service(service, customer, "vpn", Map.of(), Map.of()));
        rules.save(new ThresholdRule("vip-" + name + "-" + run, null, "vpn.jitter", new Scope(Scope.Type.SERVICE, service),
                Direction.ABOVE, Map.of(Severity.MAJOR, new Level(20, 15), Severity.CRITICAL, new Level(50, 30)),
                1, 0, null, true, null), "test");
        return service;
    }

    /** Sends one measurement observed at {@code at} that changes an alarm; returns the alarm's id. */
    String measure(String id, String service, double value, Instant at) {
        String body = "{\"id\":\"" + id + "\",\"serviceId\":\"" + service + "\",\"metric\":\"vpn.jitter\",\"value\":"
                + value + ",\"observedAt\":\"" + at + "\"}";
        assertThat(http().post("/api/v1/measurements", body).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> events.about(id).size() == 1 && !events.causedBy(id).isEmpty());
        return alarmOf(id);
    }

    String alarmRaised(String id, String service, double value, Instant at) {
        String alarm = measure(id, service, value, at);
        assertThat(events.causedBy(id).get(0).path("eventType").asText()).isEqualTo("AlarmCreateEvent");
        return alarm;
    }

    JsonNode alarm(String id) {
        return http().get(ALARMS + id).json();
    }

    String ticketOf(String alarmId) {
        JsonNode ticket = alarm(alarmId).path("troubleTicket");
        return ticket.isMissingNode() ? null : ticket.path("id").asText();
    }

    double count(String outcome) {
        var counter = meters.find(VipTicketProcess.METER).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    Instant ago(Duration d) {
        return clock.instant().minus(d);
    }

    @Test
    void aCriticalAlarmOnAVipServiceOpenLongerThanNGetsExactlyOneTicketShownOnTheAlarmAndNotified() {
        String service = service("vip", "VIP");
        String alarm = alarmRaised("a-" + run, service, 60, ago(Duration.ofMinutes(20)));

        await().atMost(WAIT).until(() -> ticketOf(alarm) != null);
        String ticket = ticketOf(alarm);
        assertThat(CRM.ticketFor(alarm)).contains(ticket);
        FakeCrm.TicketRequest asked = CRM.ticketRequests(alarm).get(0);
        assertThat(asked.idempotencyKey()).isEqualTo(alarm);
        assertThat(asked.customerId()).isEqualTo("C-vip-" + run);
        assertThat(asked.serviceId()).isEqualTo(service);
        assertThat(asked.severity()).isEqualTo("critical");
        assertThat(asked.description()).contains(alarm).contains(service);
        JsonNode shown = alarm(alarm);
        assertThat(shown.path("troubleTicket").path("referredType").asText()).isEqualTo("TroubleTicket");
        assertThat(shown.path("troubleTicket").path("creationDate").asText()).isNotEmpty();
        assertThat(shown.path("state").asText()).isEqualTo("raised");

        // subscribers see the change: an AlarmAttributeValueChangeEvent carrying the ticket
        await().atMost(WAIT).until(() -> !events.causedBy(alarm + "/troubleTicket/" + ticket).isEmpty());
        JsonNode changed = events.causedBy(alarm + "/troubleTicket/" + ticket).get(0);
        assertThat(changed.path("eventType").asText()).isEqualTo("AlarmAttributeValueChangeEvent");
        assertThat(changed.path("event").path("alarm").path("troubleTicket").path("id").asText()).isEqualTo(ticket);

        // the listing shows it too, and a later change of the alarm keeps it
        assertThat(http().get(ALARMS.substring(0, ALARMS.length() - 1) + "?alarmedObject=" + service).json().get(0)
                .path("troubleTicket").path("id").asText()).isEqualTo(ticket);
        measure("b-" + run, service, 25, ago(Duration.ofMinutes(19)));
        await().atMost(WAIT).until(() -> alarm(alarm).path("perceivedSeverity").asText().equals("major"));
        assertThat(ticketOf(alarm)).isEqualTo(ticket);

        // passes after the first: a second alarm ticketed later proves it, and the first was not asked again
        String second = alarmRaised("c-" + run, service("vip2", "vip"), 70, ago(Duration.ofMinutes(30)));
        await().atMost(WAIT).until(() -> ticketOf(second) != null);
        assertThat(CRM.ticketRequests(alarm)).hasSize(1);
        assertThat(CRM.ticketRequests(second)).hasSize(1);
    }

    @Test
    void noTicketForANonVipCustomerAMajorAlarmOrAnAlarmClearedBeforeN() {
        String business = alarmRaised("n-" + run, service("biz", "business"), 60, ago(Duration.ofMinutes(20)));
        String major = alarmRaised("m-" + run, service("maj", "VIP"), 30, ago(Duration.ofMinutes(20)));
        String quick = service("quick", "VIP");
        String cleared = alarmRaised("q1-" + run, quick, 60, ago(Duration.ofMinutes(1)));
        assertThat(measure("q2-" + run, quick, 1, ago(Duration.ofSeconds(30)))).isEqualTo(cleared);
        String young = alarmRaised("y-" + run, service("young", "VIP"), 60, ago(Duration.ofMinutes(1)));
        // a qualifying alarm raised after them: once it has its ticket, a pass has seen all of them
        String control = alarmRaised("k-" + run, service("ctl", "VIP"), 60, ago(Duration.ofMinutes(20)));
        await().atMost(WAIT).until(() -> ticketOf(control) != null);
        for (String none : List.of(business, major, cleared, young)) {
            assertThat(CRM.ticketRequests(none)).as("requests for %s", none).isEmpty();
            assertThat(ticketOf(none)).as("ticket of %s", none).isNull();
        }

        // time passes: the young alarm is now open longer than N, the cleared one stays without a ticket
        clock.advance(Duration.ofMinutes(16));
        await().atMost(WAIT).until(() -> ticketOf(young) != null);
        assertThat(CRM.ticketRequests(young)).hasSize(1);
        for (String none : List.of(business, major, cleared)) {
            assertThat(CRM.ticketRequests(none)).as("requests for %s", none).isEmpty();
        }
    }

    @Test
    void whileTheCrmIsDownNoTicketAndNoErrorLoopAndOnceItIsBackTheTicketIsOpenedOnce() throws Exception {
        CRM.stop();
        try {
            double before = count("unavailable");
            String alarm = alarmRaised("d-" + run, service("down", "VIP"), 60, ago(Duration.ofMinutes(20)));
            await().atMost(WAIT).until(() -> count("unavailable") >= before + 3);
            assertThat(ticketOf(alarm)).isNull();
            assertThat(failedPasses()).isZero();
        } finally {
            CRM.start();
        }
        String alarm = alarmOf("d-" + run);
        await().atMost(Duration.ofSeconds(150)).until(() -> ticketOf(alarm) != null);
        assertThat(CRM.ticketRequests(alarm)).hasSize(1);
        assertThat(CRM.ticketFor(alarm)).contains(ticketOf(alarm));
        assertThat(failedPasses()).isZero();
    }

    @Test
    void aFaultFromTheCrmIsCountedAndTriedAgainLaterWithTheAlarmUnchanged() {
        CRM.failTickets("crm-busy");
        String alarm;
        try {
            double before = count("fault");
            alarm = alarmRaised("f-" + run, service("fault", "VIP"), 60, ago(Duration.ofMinutes(20)));
            JsonNode unchanged = alarm(alarm);
            await().atMost(WAIT).until(() -> count("fault") >= before + 2 && CRM.ticketRequests(alarm).size() >= 2);
            assertThat(alarm(alarm)).isEqualTo(unchanged);
            assertThat(CRM.ticketFor(alarm)).isEmpty();
        } finally {
            CRM.failTickets(null);
        }
        await().atMost(WAIT).until(() -> ticketOf(alarm) != null);
        assertThat(CRM.ticketFor(alarm)).contains(ticketOf(alarm));
        assertThat(failedPasses()).isZero();
    }

    String alarmOf(String measurementId) {
        return events.causedBy(measurementId).get(0).path("event").path("alarm").path("id").asText();
    }

    /** Exchanges of route vip-ticket that failed (an exception escaped a pass). */
    double failedPasses() {
        assertThat(meters.find("camel.exchanges.total").tag("routeId", "vip-ticket").counter()).isNotNull();
        var failed = meters.find("camel.exchanges.failed").tag("routeId", "vip-ticket").counter();
        return failed == null ? 0 : failed.count();
    }
}
