package io.cemhub.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reports over REST: made on demand from what the pipeline rolled up, downloaded, narrowed per customer, scheduled. */
class ReportApiTest extends EventsTestSupport {

    /** A day of its own: no other test sends measurements observed then. */
    private static final String DAY = "2026-10-07";

    @Autowired
    private Scheduler scheduler;

    private void register(String customer, String service) {
        assertThat(http().put("/api/v1/customers/" + customer, "{\"name\":\"Report " + customer
                + "\",\"segment\":\"business\",\"slaTier\":\"gold\"}").status()).isIn(200, 201);
        assertThat(http().put("/api/v1/services/" + service, "{\"customerId\":\"" + customer + "\",\"serviceType\":\"vpn\"}")
                .status()).isIn(200, 201);
    }

    @Test
    void aReportMadeOnDemandHasTheRolledUpFiguresAndACustomerSeesOnlyItsOwn() {
        String service = "RP-" + run;
        String other = "RN-" + run;
        register("CUST-OWN", service);
        register(other, other + "-S");
        List<String> records = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            records.add("{\"id\":\"rp" + i + "-" + run + "\",\"serviceId\":\"" + service + "\",\"metric\":\"vpn.rtt.avg\","
                    + "\"value\":" + i + ",\"observedAt\":\"" + DAY + "T08:" + String.format("%02d", i) + ":00Z\"}");
        }
        assertThat(http().post("/api/v1/measurements", "[" + String.join(",", records) + "]").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> events.about("rp20-" + run).size() == 1);

        Http analyst = http().as("analyst");
        Http.Response made = analyst.post("/api/v1/reports", "{\"customerId\":\"CUST-OWN\",\"period\":\"day\",\"start\":\"" + DAY + "\"}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String id = made.json().path("id").asText();
        assertThat(made.header("Location")).isEqualTo("/api/v1/reports/" + id);
        assertThat(made.json().path("trigger").asText()).isEqualTo("demand");
        assertThat(made.json().path("requestedBy").asText()).isEqualTo("analyst");
        assertThat(made.json().path("complete").asBoolean()).isTrue();
        Http.Response otherMade = analyst.post("/api/v1/reports", "{\"customerId\":\"" + other + "\",\"period\":\"week\",\"start\":\"" + DAY + "\"}");
        assertThat(otherMade.status()).isEqualTo(201);
        assertThat(otherMade.json().path("from").asText()).as("the week's Monday").isEqualTo("2026-10-05T00:00:00Z");
        String otherId = otherMade.json().path("id").asText();

        Http customer = http().as("customer");
        Http.Response csv = customer.get("/api/v1/reports/" + id + ".csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains(".csv");
        assertThat(csv.raw().body()).contains("\r\nkpi," + service + ",vpn.rtt.avg," + DAY + "T00:00:00Z,20,1,10.5,20,");
        Http.Response html = customer.get("/api/v1/reports/" + id + ".html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.raw().body()).contains("<svg").contains(service);

        JsonNode own = customer.get("/api/v1/reports").json();
        assertThat(own.findValuesAsText("id")).contains(id).doesNotContain(otherId);
        assertThat(own.findValuesAsText("customerId")).containsOnly("CUST-OWN");
        assertThat(customer.get("/api/v1/reports?customerId=" + other).status()).isEqualTo(404);
        assertThat(customer.get("/api/v1/reports/" + otherId).status()).isEqualTo(404);
        assertThat(customer.get("/api/v1/reports/" + otherId + ".csv").status()).isEqualTo(404);
        assertThat(customer.get("/api/v1/reports/" + otherId + ".html").status()).isEqualTo(404);
        assertThat(customer.post("/api/v1/reports", "{\"customerId\":\"CUST-OWN\",\"period\":\"day\"}").status()).isEqualTo(403);
        assertThat(http().as("source").get("/api/v1/reports").status()).isEqualTo(403);

        JsonNode staff = http().as("operator").get("/api/v1/reports?period=week&customerId=" + other).json();
        assertThat(staff.findValuesAsText("id")).containsExactly(otherId);
        assertThat(http().as("operator").get("/api/v1/reports/" + id).json().path("summary").path("alarms").isNumber()).isTrue();
    }

    @Test
    void badParametersAreProblems() {
        register("RB-" + run, "RB-" + run + "-S");
        Http.Response period = http().get("/api/v1/reports?period=year");
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http().get("/api/v1/reports?from=last-week").status()).isEqualTo(400);
        Http.Response post = http().post("/api/v1/reports", "{\"customerId\":\"RB-" + run + "\",\"period\":\"fortnight\"}");
        assertThat(post.status()).isEqualTo(400);
        assertThat(post.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http().post("/api/v1/reports", "{\"customerId\":\"RB-" + run + "\",\"period\":\"day\",\"start\":\"yesterday\"}")
                .status()).isEqualTo(400);
        assertThat(http().post("/api/v1/reports", "{\"customerId\":\"RB-" + run + "\",\"serviceId\":\"RB-" + run
                + "-S\",\"period\":\"day\"}").status()).as("both").isEqualTo(400);
        String future = LocalDate.now(ZoneOffset.UTC).plusMonths(2).toString();
        assertThat(http().post("/api/v1/reports", "{\"customerId\":\"RB-" + run + "\",\"period\":\"month\",\"start\":\""
                + future + "\"}").status()).isEqualTo(400);
        assertThat(http().post("/api/v1/reports", "{\"customerId\":\"nobody-" + run + "\",\"period\":\"day\"}").status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/reports/no-such-report.csv").status()).isEqualTo(404);
        Http.Response service = http().post("/api/v1/reports", "{\"serviceId\":\"RB-" + run + "-S\",\"period\":\"day\"}");
        assertThat(service.status()).isEqualTo(201);
        assertThat(service.json().path("scope").asText()).isEqualTo("service");
        assertThat(service.json().path("customerId").asText()).isEqualTo("RB-" + run);

        JsonNode paths = http().get("/v3/api-docs").json().path("paths");
        assertThat(paths.has("/api/v1/reports")).isTrue();
        assertThat(paths.has("/api/v1/reports/{id}.csv")).isTrue();
        assertThat(paths.has("/api/v1/reports/{id}.html")).isTrue();
    }

    @Test
    void theScheduleMakesTheLastDaysReportOfEveryCustomer() throws Exception {
        String customer = "RS-" + run;
        register(customer, customer + "-S");
        TriggerKey key = TriggerKey.triggerKey(ReportConfiguration.name(ReportPeriod.DAY), "cem");
        Trigger configured = scheduler.getTrigger(key);
        assertThat(((CronTrigger) configured).getCronExpression()).as("cem.reports.schedule.day").isEqualTo("0 15 0 * * ?");
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T00:00:00Z";
        try {
            scheduler.rescheduleJob(key, TriggerBuilder.newTrigger().withIdentity(key).forJob(configured.getJobKey())
                    .withSchedule(CronScheduleBuilder.cronSchedule("0/3 * * * * ?").inTimeZone(TimeZone.getTimeZone("UTC")))
                    .build());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                JsonNode list = http().get("/api/v1/reports?period=day&customerId=" + customer).json();
                return list.size() == 1 && "schedule".equals(list.get(0).path("trigger").asText())
                        && yesterday.equals(list.get(0).path("from").asText());
            });
        } finally {
            scheduler.rescheduleJob(key, configured.getTriggerBuilder().startNow().build());
        }
    }
}
