package io.cemhub.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.Http;
import io.cemhub.support.TestRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the REST corpus: each case on each entry it names ({@code on}: the native API and the adapters'
 * REST entries, declared under {@code entries} in the manifest), with java.net.http, or byte for byte on a
 * socket ({@code raw}). A refusal must be a 4xx application/problem+json of the expected type; on an
 * adapter's entry a 400 also keeps the payload, byte for byte, in quarantine.
 */
final class RestCases {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final QuarantineProbe quarantine;

    RestCases(int port, QuarantineProbe quarantine) {
        this.port = port;
        this.quarantine = quarantine;
    }

    /** The entries a case runs on. */
    static List<String> entriesOf(Corpus.Case c) {
        List<String> on = c.list("on");
        return on.isEmpty() ? List.of("native") : on;
    }

    void run(Corpus corpus, Corpus.Case c, String entryName, String marker) {
        JsonNode entry = corpus.root().path("entries").path(entryName);
        assertThat(entry.isObject()).as("entry " + entryName + " declared under entries").isTrue();
        String path = c.text("path") != null ? c.text("path") : entry.path("path").asText();
        String adapter = entry.path("adapter").asText(null);
        byte[] body = Inputs.of(corpus, c, marker);
        JsonNode expect = c.expect();
        int before = adapter == null ? 0 : quarantine.matching(QuarantineProbe.QUARANTINE, body).size();

        int status;
        String contentType;
        String text;
        Map<String, List<String>> headers;
        if (c.text("raw") != null) {
            String request = Inputs.fill(c.text("raw"), marker).replace("${path}", path)
                    .replace("${auth}", Http.basic("source", "source-pw")).replace("${port}", String.valueOf(port))
                    .replace("${length}", String.valueOf(body.length));
            byte[] head = request.getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            RawHttp.Answer answer = RawHttp.send(port, all, c.spec().path("halfClose").asBoolean(false));
            status = answer.status();
            contentType = answer.header("content-type");
            text = answer.body();
            headers = Map.of();
            answer.headers().keySet().forEach(h -> assertThat(h).as("answer header").doesNotStartWith("camel"));
        } else {
            HttpResponse<String> answer = send(c, path, body);
            status = answer.statusCode();
            contentType = answer.headers().firstValue("content-type").orElse(null);
            text = answer.body();
            headers = answer.headers().map();
        }
        String seen = status + " " + contentType + " " + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
        assertThat(status).as(seen).isEqualTo(expect.path("status").asInt());
        headers.keySet().forEach(h -> assertThat(h.toLowerCase()).as("answer header").doesNotStartWith("camel"));
        if (status >= 400 && expect.path("problem").asBoolean(true)) {
            assertThat(contentType).as(seen).startsWith("application/problem+json");
            JsonNode problem = json(text);
            String type = expectedType(expect.path("type"), entryName, adapter != null);
            if (type != null) {
                assertThat(problem.path("type").asText()).as(seen)
                        .isEqualTo(type.contains(":") ? type : "https://cemhub.io/problems/" + type);
            }
            assertThat(problem.path("status").asInt()).as(seen).isEqualTo(status);
            if (expect.has("detail")) {
                assertThat(problem.path("detail").asText()).as(seen).containsIgnoringCase(expect.path("detail").asText());
            }
            if (expect.has("field")) {
                assertThat(problem.path("errors").findValuesAsText("field")).as(seen)
                        .anyMatch(f -> f.contains(expect.path("field").asText()));
            }
        }
        boolean kept = expect.path("quarantined").asBoolean(adapter != null && status == 400);
        if (adapter != null) {
            List<QuarantineProbe.Entry> entries = quarantine.matching(QuarantineProbe.QUARANTINE, body);
            assertThat(entries.size()).as("quarantine entries with this payload, " + seen).isEqualTo(before + (kept ? 1 : 0));
            if (kept) {
                QuarantineProbe.Entry entry0 = entries.get(entries.size() - 1);
                assertThat(entry0.adapter()).isEqualTo(adapter);
                assertThat(entry0.reason()).isNotBlank();
            }
        }
    }

    private static String expectedType(JsonNode type, String entry, boolean adapter) {
        if (type.isObject()) {
            JsonNode t = type.has(entry) ? type.path(entry) : type.path(adapter ? "adapter" : "native");
            return t.isMissingNode() ? type.path("default").asText(null) : t.asText();
        }
        return type.isMissingNode() ? null : type.asText();
    }

    private HttpResponse<String> send(Corpus.Case c, String path, byte[] body) {
        String query = c.text("query") == null ? "" : "?" + c.text("query");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + query))
                .timeout(Duration.ofSeconds(60))
                .method(c.spec().path("method").asText("POST"), body.length == 0 && !c.spec().path("emptyBody").asBoolean(true)
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String contentType = c.spec().path("contentType").asText("application/json");
        if (!contentType.equals("none")) {
            request.header("Content-Type", contentType);
        }
        String user = c.spec().path("user").asText("source");
        switch (user) {
            case "none" -> { }
            case "bad-password" -> request.header("Authorization", Http.basic("source", "wrong"));
            case "api-key" -> request.header("X-API-Key", "test-api-key-source-0123456789");
            case "bad-api-key" -> request.header("X-API-Key", "not-a-key");
            default -> request.header("Authorization", Http.basic(user, user + "-pw"));
        }
        c.strings("headers").forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return TestRecords.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("the answer is not JSON: " + text, e);
        }
    }
}
