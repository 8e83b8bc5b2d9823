package io.cemhub.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.EventCollector;
import io.cemhub.support.Http;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the SOAP corpus against the CRM service ({@code /services/crm}). Input: the manifest's usual fields,
 * or {@code base} (an envelope under {@code bases}, text) with {@code replace} (text -> text). Expected:
 * {@code status} (default 500), {@code fault} (the faultcode without prefix: Client, Server,
 * VersionMismatch), {@code faultstring} (a part of it), {@code code} (the {@code crm:CrmFault} code). Every
 * Fault must be counted in {@code cem.crm.faults{kind}}, and nothing of a refused request may reach
 * cem.events.
 */
final class SoapCases {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final MeterRegistry meters;
    private final EventCollector events;

    SoapCases(int port, MeterRegistry meters, EventCollector events) {
        this.port = port;
        this.meters = meters;
        this.events = events;
    }

    void run(Corpus corpus, Corpus.Case c, String marker) {
        byte[] body = input(corpus, c, marker);
        JsonNode expect = c.expect();
        String kind = "Server".equals(expect.path("fault").asText()) ? "server" : "client";
        double faults = faults(kind);

        HttpResponse<String> answer = send(c, body);

        String seen = answer.statusCode() + " " + (answer.body().length() > 800
                ? answer.body().substring(0, 800) + "..." : answer.body());
        assertThat(answer.statusCode()).as(seen).isEqualTo(expect.path("status").asInt(500));
        if (expect.has("fault")) {
            assertThat(answer.body()).as(seen).contains("<faultcode>soap:" + expect.path("fault").asText() + "</faultcode>");
            assertThat(faults(kind)).as("cem.crm.faults{kind=" + kind + "}").isGreaterThan(faults);
        }
        if (expect.has("faultstring")) {
            assertThat(faultString(answer.body())).as(seen).containsIgnoringCase(expect.path("faultstring").asText());
        }
        if (expect.has("code")) {
            assertThat(answer.body()).as(seen).contains("<crm:code>" + expect.path("code").asText() + "</crm:code>");
        }
        assertThat(answer.body()).as("no stack trace in the answer").doesNotContain("\tat ");
        assertThat(events.recordEvents().stream().filter(e -> e.path("correlationId").asText().contains(marker)))
                .as("records of a refused request").isEmpty();
    }

    private double faults(String kind) {
        Counter counter = meters.find("cem.crm.faults").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    static byte[] input(Corpus corpus, Corpus.Case c, String marker) {
        JsonNode spec = c.spec();
        if (!spec.has("base")) {
            return Inputs.of(corpus, c, marker);
        }
        String text = corpus.bases().path(spec.path("base").asText()).asText();
        if (text.isEmpty()) {
            throw new IllegalStateException("no base " + spec.path("base").asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("replace").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!text.contains(r.getKey())) {
                throw new IllegalStateException(c + ": the base has no " + r.getKey());
            }
            text = text.replace(r.getKey(), r.getValue().asText());
        }
        String filled = Inputs.fill(text, marker);
        return spec.has("charset") ? filled.getBytes(Charset.forName(spec.path("charset").asText()))
                : Inputs.escaped(filled);
    }

    private HttpResponse<String> send(Corpus.Case c, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/crm"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("SOAPAction", "\"\"");
        String contentType = c.spec().path("contentType").asText("text/xml; charset=UTF-8");
        if (!contentType.equals("none")) {
            request.header("Content-Type", contentType);
        }
        if (!"none".equals(c.text("user"))) {
            request.header("Authorization", Http.basic("source", "source-pw"));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String faultString(String body) {
        int start = body.indexOf("<faultstring>");
        int end = body.indexOf("</faultstring>");
        return start < 0 || end < 0 ? "" : body.substring(start + "<faultstring>".length(), end);
    }
}
