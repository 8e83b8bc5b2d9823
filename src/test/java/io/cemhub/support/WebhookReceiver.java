package io.cemhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cemhub.subscription.WebhookSender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A webhook subscriber on a loopback port: answers each request as {@code behaviour} says for its number
 * (1, 2, ...), and keeps what it took (2xx answers only), checking each body's HMAC signature.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** How to answer one request: a status, after an optional delay (longer than the hub's timeout = a lost answer). */
    public record Answer(int status, long delayMillis) {
        public static Answer ok() {
            return new Answer(200, 0);
        }

        public static Answer status(int status) {
            return new Answer(status, 0);
        }
    }

    private final HttpServer server;
    private final String secret;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<JsonNode> taken = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private volatile IntFunction<Answer> behaviour;
    private final java.util.concurrent.ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor();

    public WebhookReceiver(String secret, IntFunction<Answer> behaviour) {
        this(secret, 0, behaviour);
    }

    /** On a given port: a subscriber that was down comes back where the hub expects it (0: any free port). */
    public WebhookReceiver(String secret, int port, IntFunction<Answer> behaviour) {
        this.secret = secret;
        this.behaviour = behaviour;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    public void behave(IntFunction<Answer> newBehaviour) {
        this.behaviour = newBehaviour;
    }

    public int requests() {
        return requests.get();
    }

    /** Bodies answered with 2xx, in arrival order (single envelopes, or grouped {"groupKey", "events"}). */
    public List<JsonNode> taken() {
        return List.copyOf(taken);
    }

    /** Every event taken, in order, duplicates included. */
    public List<String> eventIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode body : taken) {
            if (body.has("events")) {
                body.path("events").forEach(e -> ids.add(e.path("eventId").asText()));
            } else {
                ids.add(body.path("eventId").asText());
            }
        }
        return ids;
    }

    /** What a receiver keeps after dropping duplicates by eventId, in first-arrival order. */
    public Set<String> distinctEventIds() {
        return new LinkedHashSet<>(eventIds());
    }

    public List<String> badSignatures() {
        return List.copyOf(badSignatures);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = requests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP);
        String signature = exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE);
        if (secret != null && !("sha256=" + WebhookSender.sign(secret, timestamp + "." + body)).equals(signature)) {
            badSignatures.add(signature);
        }
        Answer answer = behaviour.apply(n);
        if (answer.delayMillis() > 0) {
            // a slow receiver: the answer leaves later, from another thread (the hub times out first)
            late.schedule(() -> {
                try {
                    answer(exchange, answer, body);
                } catch (IOException e) {
                    exchange.close(); // the hub gave up and closed the connection
                }
            }, answer.delayMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return;
        }
        answer(exchange, answer, body);
    }

    private void answer(HttpExchange exchange, Answer answer, String body) throws IOException {
        if (answer.status() / 100 == 2) {
            taken.add(TestRecords.JSON.readTree(body));
        }
        byte[] reply = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of("application/json")));
        exchange.sendResponseHeaders(answer.status(), reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    @Override
    public void close() {
        late.shutdownNow();
        server.stop(0);
    }
}
