package io.cemhub.ui;

import io.cemhub.support.Browser;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard and the portal in a real browser (headless Chromium): an operator logs in, sees an alarm
 * appear live, acknowledges it, opens the threshold editor and previews a change; a customer logs in, lands
 * on the portal and sees its own service and alarm, its experience index and its report (opened), and nothing of
 * another customer's; the dashboard shows the experience index by segment. Screenshots go to
 * target/screenshots/ (docs/screenshots/ holds copies; docs/dashboard.md).
 */
class DashboardBrowserTest extends EventsTestSupport {

    private static final String OWN = "CUST-OWN";
    private static final Path SHOTS = Path.of("target/screenshots");

    @TempDir
    Path profile;

    @TempDir
    Path customerProfile;

    private void customerWithService(String customer, String name, String service) {
        assertThat(http().put("/api/v1/customers/" + customer, "{\"id\":\"" + customer + "\",\"name\":\"" + name
                + "\",\"segment\":\"business\",\"slaTier\":\"gold\",\"status\":\"active\"}").status()).isIn(200, 201);
        assertThat(http().put("/api/v1/services/" + service, "{\"customerId\":\"" + customer
                + "\",\"serviceType\":\"vpn\"}").status()).isIn(200, 201);
        assertThat(http().put("/api/v1/thresholds/ui-" + service, "{\"metric\":\"vpn.jitter\",\"description\":"
                + "\"Jitter of " + service + "\",\"scope\":{\"type\":\"service\",\"value\":\"" + service + "\"},"
                + "\"direction\":\"above\",\"levels\":{\"critical\":{\"raise\":30,\"clear\":20},\"major\":{\"raise\":15,"
                + "\"clear\":10}},\"debounceSamples\":1}").status()).isEqualTo(200);
    }

    /** An hour of quiet jitter (below the rule), so that the charts and the backtest have something to show. */
    private void history(String service) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 60; i >= 1; i--) {
            batch.append(i == 60 ? "" : ",").append("{\"serviceId\":\"").append(service)
                    .append("\",\"metric\":\"vpn.jitter\",\"value\":").append(4 + (i * 7 % 5))
                    .append(",\"observedAt\":\"").append(now.minus(Duration.ofMinutes(i))).append("\"}");
        }
        assertThat(http().post("/api/v1/measurements", batch.append("]").toString()).status()).isEqualTo(202);
    }

    private void measure(String service, double value) {
        assertThat(http().post("/api/v1/measurements", "{\"serviceId\":\"" + service + "\",\"metric\":\"vpn.jitter\","
                + "\"value\":" + value + ",\"observedAt\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}")
                .status()).isEqualTo(202);
    }

    /** Waits until the page has loaded everything; a script error fails at once, with its message. */
    private static void ready(Browser browser) {
        try {
            browser.await(90, b -> {
                Object error = browser.script("return document.body.dataset.error");
                assertThat(error).as("script error on " + b.getCurrentUrl()).isNull();
                return "true".equals(browser.script("return document.body.dataset.ready"));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot(SHOTS.resolve("not-ready.png"));
            throw new AssertionError("the page did not finish loading; loaded: " + browser.script(
                    "return performance.getEntriesByType('resource').map(r => r.name + ' ' + Math.round(r.duration)).join(', ')"), e);
        }
    }

    @Test
    void anOperatorWatchesAcksAndTunesAndACustomerSeesOnlyItsOwn() {
        assumeTrue(Browser.available(), Browser.MISSING);
        String own = "VPN-OWN-" + run;
        String other = "VPN-OTHER-" + run;
        customerWithService(OWN, "Own Company", own);
        customerWithService("C-OTHER-" + run, "Other Company", other);
        history(own);
        history(other);
        measure(other, 40); // the other customer's alarm, raised before anyone looks
        // the index of every customer now (the dashboard's distribution), and a report of the own customer's day
        // (again if it met the scheduled pass of the same minute)
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http().post("/api/v1/experience/recompute", "{}").status() == 200);
        Http.Response report = http().post("/api/v1/reports", "{\"customerId\":\"" + OWN + "\",\"period\":\"day\",\"start\":\""
                + LocalDate.now(ZoneOffset.UTC) + "\"}");
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        String reportId = report.json().path("id").asText();

        try (Browser browser = new Browser("http://127.0.0.1:" + port, profile, 1440, 1700)) {
            browser.open("/ui/");
            browser.logIn("operator", "operator-pw");
            browser.await(60, b -> b.getCurrentUrl().contains("/ui/")); // Spring adds ?continue to a saved request
            ready(browser);
            browser.await(30, b -> browser.find("#live").getText().equals("live"));

            // an alarm appears without reloading the page
            measure(own, 50);
            String rowOf = "return [...document.querySelectorAll('tr[data-alarm]')].find(r => r.children[1].textContent === arguments[0])";
            String alarmId = browser.await(30, b -> (String) browser.script(rowOf + "?.dataset.alarm", own));
            String row = "tr[data-alarm='" + alarmId + "']";
            assertThat(browser.find(row).getText()).containsIgnoringCase("critical").contains("Own Company");

            // the operator acknowledges it; the row says so, the TMF642 API too
            browser.find(row + " button.ack").click();
            browser.await(30, b -> b.findElement(By.cssSelector(row)).getText().toLowerCase().contains("acked"));
            assertThat(http().get("/tmf-api/alarmManagement/v4/alarm/" + alarmId).json().path("ackUserId").asText())
                    .isEqualTo("operator");
            browser.script("document.getElementById('trend-customer').value = arguments[0];"
                    + "document.getElementById('trend-customer').dispatchEvent(new Event('change'))", OWN);
            browser.await(30, b -> !browser.find("#trend-note").getText().isEmpty());
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot(SHOTS.resolve("dashboard.png"));

            // the experience index by segment: a chart and a table with the test customers' segment
            browser.await(30, b -> browser.exists("#cei-distribution tr[data-segment='business']"));
            assertThat(browser.find("#cei-chart-box").isDisplayed()).isTrue();
            browser.script("document.getElementById('experience').scrollIntoView()");
            browser.screenshot(SHOTS.resolve("experience-distribution.png"));

            // the threshold editor previews a lower raise value against the stored hour
            browser.find("#rule-table button.edit[data-id='ui-" + own + "']").click();
            browser.await(10, b -> b.findElement(By.id("editor")).isDisplayed());
            browser.find("#r-major-raise").clear();
            browser.find("#r-major-raise").sendKeys("6");
            browser.find("#r-major-clear").clear();
            browser.find("#r-major-clear").sendKeys("5");
            browser.find("#bt-service").sendKeys(own);
            browser.find("#bt-run").click();
            browser.await(30, b -> browser.exists("#bt-compare"));
            assertThat(browser.find("#bt-compare").getText()).containsIgnoringCase("proposed").containsIgnoringCase("current")
                    .contains("61\nsamples"); // the hour of history and the alarm's sample
            browser.screenshot(SHOTS.resolve("threshold-editor.png"));
        }

        try (Browser customer = new Browser("http://127.0.0.1:" + port, customerProfile, 1440, 1500)) {
            customer.open("/");
            customer.logIn("customer", "customer-pw");
            customer.await(60, b -> b.getCurrentUrl().contains("/portal/"));
            ready(customer);
            customer.await(30, b -> customer.find("#live").getText().equals("live"));
            customer.await(30, b -> customer.find("#alarm-table").getText().contains(own));
            String page = customer.driver().getPageSource();
            assertThat(page).contains(own).contains("Own Company").doesNotContain(other).doesNotContain("Other Company");
            // its experience index, SLA compliance and its report, downloadable
            assertThat(customer.find("#t-cei").getText()).matches("\\d+(\\.\\d)?");
            customer.await(30, b -> customer.exists("#report-table tr[data-report='" + reportId + "']"));
            String reportRow = "#report-table tr[data-report='" + reportId + "']";
            assertThat(customer.find(reportRow).getText()).contains("day " + LocalDate.now(ZoneOffset.UTC)).contains("HTML")
                    .contains("CSV");
            String htmlLink = customer.find(reportRow + " a[target='_blank']").getAttribute("href");
            customer.screenshot(SHOTS.resolve("portal.png"));
            customer.driver().get(htmlLink);
            customer.await(30, b -> b.getPageSource().contains("<svg"));
            assertThat(customer.driver().getPageSource()).contains(own).doesNotContain(other);

            // the dashboard is not for customers
            customer.open("/ui/");
            customer.await(30, b -> b.getPageSource().contains("403") || b.getPageSource().contains("forbidden"));
        }
    }
}
