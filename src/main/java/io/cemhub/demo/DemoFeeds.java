package io.cemhub.demo;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the demo's simulators send, over the hub's real entries: REST batches to /api/v1/measurements
 * and JMS messages to cem.ingest.canonical, now and then a malformed record that must be refused or
 * quarantined. Counts what comes out on cem.events.
 */
public class DemoFeeds {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeeds.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random = new Random();
    private final Clock clock;
    private final Supplier<String> baseUrl;
    /** The demo simulators' API key (role SOURCE): the REST entries need a login like any source. */
    private final Supplier<String> apiKey;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong unresolved = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong jmsMessages = new AtomicLong();
    private long posts;

    /** @param baseUrl asked at each post: the HTTP port is known only once the server runs */
    public DemoFeeds(Clock clock, Supplier<String> baseUrl, Supplier<String> apiKey) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** A REST batch; every 15th call posts a record with an unknown metric, which the API refuses. */
    public void postBatch() throws IOException, InterruptedException {
        posts++;
        String body = posts % 15 == 0
                ? "[{\"serviceId\":\"TUN-0001\",\"metric\":\"vpn.mood\",\"value\":1,\"observedAt\":\"" + now() + "\"}]"
                : batch(20);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + "/api/v1/measurements"))
                .header("Content-Type", "application/json").header("X-API-Key", apiKey.get()).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            LOG.info("demo: the API answered {} to a bad record, as it should: {}", answer.statusCode(), answer.body());
        }
    }

    /** Body of a JMS message to cem.ingest.canonical; every 10th one is not JSON at all (quarantined). */
    public String jmsBody() {
        return jmsMessages.incrementAndGet() % 10 == 0 ? "<measurement>not json</measurement>" : batch(10);
    }

    public void countEvent(Exchange exchange) {
        events.incrementAndGet();
        total.incrementAndGet();
        if ("unresolved".equals(exchange.getMessage().getHeader("identity", String.class))) {
            unresolved.incrementAndGet();
        }
    }

    public void report() {
        LOG.info("demo: {} events on cem.events in the last 10 s ({} for services the registry does not know)",
                events.getAndSet(0), unresolved.getAndSet(0));
    }

    /** Events seen since start. */
    public long eventsSeen() {
        return total.get();
    }

    private String batch(int size) {
        StringJoiner json = new StringJoiner(",", "[", "]");
        String observedAt = now();
        for (int i = 0; i < size; i++) {
            json.add(random.nextBoolean() ? DemoFleet.vpnMeasurement(random, observedAt)
                    : DemoFleet.speedtestMeasurement(random, observedAt));
        }
        return json.toString();
    }

    private String now() {
        return clock.instant().minusSeconds(1).toString();
    }
}
