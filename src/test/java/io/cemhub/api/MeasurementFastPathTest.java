package io.cemhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The native entry's fast path answers as Spring MVC does: every body is posted twice, once as plain
 * application/json (the fast path takes it) and once with a media type parameter MVC ignores and the fast path
 * leaves to MVC, and the two answers must be the same. That the fast path takes the plain request (and not MVC)
 * is {@link MeasurementFastPathFilterTest}'s to show.
 */
class MeasurementFastPathTest extends EventsTestSupport {

    private static final String FAST = "application/json";
    private static final String MVC = "application/json; v=1";

    @Autowired
    private FilterRegistrationBean<MeasurementFastPath> registration;

    private String record(String id, String service, Object value) {
        return "{\"id\":\"" + id + "\",\"serviceId\":\"" + service + "\",\"metric\":\"vpn.rtt.avg\",\"value\":" + value
                + ",\"observedAt\":\"" + Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS) + "\"}";
    }

    @Test
    void theFastPathIsOnByDefault() {
        assertThat(registration.isEnabled()).isTrue();
        assertThat(registration.getUrlPatterns()).containsExactly(MeasurementFastPath.PATH);
    }

    @Test
    void acceptedRecordsGetTheSameReceiptAndReachTheEventTopic() {
        Http source = http().as("source");
        Http.Response fast = source.post(MeasurementFastPath.PATH, FAST, null, record("F-" + run, "FP-" + run, 500));
        Http.Response mvc = source.post(MeasurementFastPath.PATH, MVC, null, record("M-" + run, "FP-" + run, 500));
        assertSame(fast, mvc, 202, "application/json");
        assertThat(fast.json().path("accepted").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about("F-" + run).size() == 1
                && events.about("M-" + run).size() == 1);

        String batch = "[" + record("F2-" + run, "FP-" + run, 1) + "," + record("F3-" + run, "FQ-" + run, 2) + "]";
        assertSame(source.post(MeasurementFastPath.PATH, FAST, "application/json, */*;q=0.5", batch),
                source.post(MeasurementFastPath.PATH, MVC, "application/json, */*;q=0.5",
                        batch.replace("F2-", "M2-").replace("F3-", "M3-")), 202, "application/json");
    }

    @Test
    void refusalsAreTheSameProblemDocuments() {
        Http source = http().as("source");
        String[] bodies = {
                record("X-" + run, "", 1),                                  // invalid record
                "[" + record("Y-" + run, "S", "\"12\"") + "," + record("Z-" + run, "S", 1) + "]",
                "{\"id\":\"a\",",                                             // truncated
                "{\"id\":\"a\"} trailing",
                "{\"id\":\"a\",\"id\":\"b\"}",                                // duplicate keys
                "   ",
                "null",
                "[]",
        };
        for (String body : bodies) {
            Http.Response fast = source.post(MeasurementFastPath.PATH, FAST, null, body);
            Http.Response mvc = source.post(MeasurementFastPath.PATH, MVC, null, body);
            assertSame(fast, mvc, 400, "application/problem+json");
            assertThat(fast.json().path("instance").asText()).isEqualTo(MeasurementFastPath.PATH);
        }
        // an empty body: the same problem; MVC's detail names its handler method, the fast path does not
        Http.Response fast = source.post(MeasurementFastPath.PATH, FAST, null, "");
        Http.Response mvc = source.post(MeasurementFastPath.PATH, MVC, null, "");
        assertThat(fast.status()).isEqualTo(400);
        assertThat(mvc.status()).isEqualTo(400);
        ObjectNode fastProblem = (ObjectNode) fast.json();
        ObjectNode mvcProblem = (ObjectNode) mvc.json();
        assertThat(fastProblem.remove("detail").asText()).startsWith("the body is not valid JSON: Required request body is missing");
        mvcProblem.remove("detail");
        assertThat(fastProblem).isEqualTo(mvcProblem);
    }

    @Test
    void tooManyRecordsAreRefusedAlike() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        String body = many.append(']').toString();
        Http source = http().as("source");
        assertSame(source.post(MeasurementFastPath.PATH, FAST, null, body),
                source.post(MeasurementFastPath.PATH, MVC, null, body), 413, "application/problem+json");
    }

    @Test
    void theSecurityFiltersStillComeFirst() {
        Http.Response anonymous = http().anonymous().post(MeasurementFastPath.PATH, FAST, null, record("A-" + run, "S", 1));
        assertThat(anonymous.status()).isEqualTo(401);
        Http.Response viewer = http().as("analyst").post(MeasurementFastPath.PATH, FAST, null, record("V-" + run, "S", 1));
        assertThat(viewer.status()).isEqualTo(403);
    }

    private static void assertSame(Http.Response fast, Http.Response mvc, int status, String contentType) {
        assertThat(fast.status()).as(fast.toString()).isEqualTo(status);
        assertThat(mvc.status()).as(mvc.toString()).isEqualTo(status);
        assertThat(fast.header("Content-Type")).startsWith(contentType);
        assertThat(mvc.header("Content-Type")).startsWith(contentType);
        JsonNode fastBody = fast.json();
        assertThat(fastBody).as("fast %s, MVC %s", fast, mvc).isEqualTo(mvc.json());
    }
}
