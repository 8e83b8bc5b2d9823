package io.cemhub.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A server-sent events stream read line by line in the background, for tests; close() hangs up. */
public final class SseClient implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> body;

    /** Opens {@code url} with the given Authorization header value. */
    public SseClient(String url, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Accept", "text/event-stream").GET().build();
        response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            body = r.body();
            try {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // close() ends the stream
            }
        });
    }

    /** The status once the answer's head arrived. */
    public int status() {
        return response.join().statusCode();
    }

    /** Every line received so far ("event:alarm", "data:{...}", ":heartbeat", ""). */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The data lines received so far. */
    public List<String> data() {
        return lines.stream().filter(l -> l.startsWith("data:")).map(l -> l.substring(5)).toList();
    }

    @Override
    public void close() {
        Stream<String> b = body;
        if (b != null) {
            b.close();
        }
        response.cancel(true);
    }
}
