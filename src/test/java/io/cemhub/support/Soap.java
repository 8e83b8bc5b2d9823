package io.cemhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Plain SOAP 1.1 over HTTP, as the CRM sends it: the test sees exactly the bytes on the wire. */
public final class Soap {

    public static final Path SAMPLES = Path.of("adapters/crm/samples");

    private Soap() {
    }

    /** A golden sample with its ids made unique to the test ("1001" replaced by {@code run}). */
    public static String sample(String name, String run) {
        try {
            return Files.readString(SAMPLES.resolve(name)).replace("1001", run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Answer post(String url, String envelope) {
        return post(url, HttpRequest.BodyPublishers.ofString(envelope));
    }

    public static Answer post(String url, HttpRequest.BodyPublisher body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                    // the CRM is a source: HTTP basic as the test profile's SOURCE user
                    .header("Authorization", Http.basic("source", "source-pw"))
                    .POST(body).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer to a SOAP call. */
    public record Answer(int status, String body) {

        public boolean isFault() {
            return status == 500 && body.contains("Fault>");
        }

        /** The text of faultstring. */
        public String faultString() {
            int start = body.indexOf("<faultstring>");
            int end = body.indexOf("</faultstring>");
            return start < 0 || end < 0 ? "" : body.substring(start + "<faultstring>".length(), end);
        }
    }
}
