package io.cemhub.ui;

import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import io.cemhub.support.SseClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live alarm streams of the dashboard and the portal: staff see every alarm as it is raised and acked;
 * a customer's stream carries its own alarms and never another customer's; the paths refuse the wrong roles.
 */
class AlarmStreamTest extends EventsTestSupport {

    /** The test profile's customer user belongs to this customer (application-test.yaml). */
    private static final String OWN = "CUST-OWN";

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void customerWithService(String customer, String service) {
        assertThat(http().put("/api/v1/customers/" + customer, "{\"id\":\"" + customer + "\",\"name\":\"" + customer
                + "\",\"segment\":\"business\",\"slaTier\":\"gold\",\"status\":\"active\"}").status()).isIn(200, 201);
        assertThat(http().put("/api/v1/services/" + service, "{\"customerId\":\"" + customer
                + "\",\"serviceType\":\"vpn\"}").status()).isIn(200, 201);
        assertThat(http().put("/api/v1/thresholds/stream-" + service, "{\"metric\":\"vpn.jitter\",\"scope\":{\"type\":"
                + "\"service\",\"value\":\"" + service + "\"},\"direction\":\"above\",\"levels\":{\"critical\":"
                + "{\"raise\":10,\"clear\":5}}}").status()).isEqualTo(200);
    }

    private void measure(String service, double value) {
        String json = "{\"serviceId\":\"" + service + "\",\"metric\":\"vpn.jitter\",\"value\":" + value
                + ",\"observedAt\":\"2026-11-22T10:00:00Z\"}";
        assertThat(http().post("/api/v1/measurements", json).status()).isEqualTo(202);
    }

    private static boolean ready(SseClient stream) {
        return stream.lines().contains("event:ready");
    }

    @Test
    void staffSeeEveryAlarmLiveAndACustomerOnlyItsOwn() {
        String own = "S-OWN-" + run;
        String other = "S-OTHER-" + run;
        customerWithService(OWN, own);
        customerWithService("C-OTHER-" + run, other);
        try (SseClient staff = new SseClient(base() + "/api/v1/stream/alarms", Http.basic("operator", "operator-pw"));
             SseClient customer = new SseClient(base() + "/api/v1/customers/" + OWN + "/alarms/stream",
                     Http.basic("customer", "customer-pw"))) {
            assertThat(staff.status()).isEqualTo(200);
            assertThat(customer.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> ready(staff) && ready(customer));

            measure(other, 50);
            await().atMost(Duration.ofSeconds(20)).until(() -> staff.data().stream().anyMatch(d -> d.contains(other)));
            measure(own, 50);
            await().atMost(Duration.ofSeconds(20)).until(() -> customer.data().stream().anyMatch(d -> d.contains(own)));
            await().atMost(Duration.ofSeconds(20)).until(() -> staff.data().stream().anyMatch(d -> d.contains(own)));
            String ownAlarm = http().get("/tmf-api/alarmManagement/v4/alarm?alarmedObject=" + own).json().get(0)
                    .path("id").asText();

            // an operator's ack reaches the customer's stream too: the alarm is the customer's
            assertThat(http().as("operator").patch("/tmf-api/alarmManagement/v4/alarm/" + ownAlarm,
                    "{\"ackState\":\"acknowledged\"}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> customer.data().stream()
                    .anyMatch(d -> d.contains(ownAlarm) && d.contains("\"ackState\":\"acknowledged\"")));

            // the other customer's alarm came first: had it been sent to the customer, it would be there by now
            assertThat(customer.data()).noneMatch(d -> d.contains(other));
            assertThat(customer.lines()).contains("event:alarm");
        }
    }

    @Test
    void theStreamsAreClosedToTheWrongCallers() {
        Http customer = http().as("customer");
        assertThat(customer.get("/api/v1/stream/alarms").status()).isEqualTo(403);
        assertThat(customer.get("/api/v1/customers/C-SOMEONE-ELSE/alarms/stream").status()).isEqualTo(403);
        assertThat(customer.get("/api/v1/customers/C-SOMEONE-ELSE/alarms").status()).isEqualTo(403);
        assertThat(http().as("source").get("/api/v1/stream/alarms").status()).isEqualTo(403);
        assertThat(http().anonymous().get("/api/v1/stream/alarms").status()).isEqualTo(401);
    }
}
