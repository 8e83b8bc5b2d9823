package io.cemhub.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Native input for the demo's adapter simulators: wiSLA.VPN export documents (REST and JMS), Ookla
 * Speedtest results (REST) and CSV exports dropped in the speedtest inbox. Mostly healthy values, now and
 * then a degradation that should cross thresholds, and a few malformed items that must be refused (REST)
 * or quarantined (JMS, files).
 */
public class DemoAdapterFeeds {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAdapterFeeds.class);
    private static final String CSV_HEADER = "agentId,lineId,timestamp,pingLatency,pingJitter,downloadBandwidth,"
            + "uploadBandwidth,packetLoss,serverId,isp,resultId\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random = new Random();
    private final Clock clock;
    private final Path inbox;
    private final Supplier<String> baseUrl;
    /** The demo simulators' API key (role SOURCE): the REST entries need a login like any source. */
    private final Supplier<String> apiKey;
    // own counters: the timer's counter is not an exchange property; one per transport, so each gets its poison
    private final AtomicLong restVpnExports = new AtomicLong();
    private final AtomicLong jmsVpnExports = new AtomicLong();
    private final AtomicLong speedtestBatches = new AtomicLong();
    private long files;

    /** @param baseUrl asked at each post: the HTTP port is known only once the server runs */
    public DemoAdapterFeeds(Clock clock, Path inbox, Supplier<String> baseUrl, Supplier<String> apiKey) {
        this.clock = clock;
        this.inbox = inbox;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public void postVpnExport() throws IOException, InterruptedException {
        post("/ingest/wisla-vpn", vpnExport(restVpnExports.incrementAndGet()));
    }

    public void postSpeedtestResults() throws IOException, InterruptedException {
        post("/ingest/wisla-speedtest", speedtestResults());
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .header("Content-Type", "application/json").header("X-API-Key", apiKey.get()).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            LOG.info("demo: {} answered {} to a malformed item, as it should: {}", path, answer.statusCode(), answer.body());
        }
    }

    /** Body of a JMS message to the wiSLA.VPN queue. */
    public String jmsVpnExport() {
        return vpnExport(jmsVpnExports.incrementAndGet());
    }

    /** A wiSLA.VPN export for three tunnels; every 12th one has a malformed value. */
    private String vpnExport(long n) {
        String end = clock.instant().minusSeconds(1).toString();
        StringJoiner results = new StringJoiner(",", "[", "]");
        for (int t = 0; t < 3; t++) {
            int i = 1 + random.nextInt(DemoFleet.CUSTOMERS);
            boolean degraded = random.nextInt(20) == 0;
            double rtt = degraded ? 180 + random.nextInt(120) : 8 + random.nextDouble() * 20;
            results.add(String.format(Locale.ROOT, "{\"tunnelId\":\"%s\",\"vpnId\":\"VPN-%03d\",\"siteA\":\"HQ\","
                            + "\"siteZ\":\"BR-%d\",\"classOfService\":\"gold\",\"rttMinMs\":%.2f,\"rttAvgMs\":%s,"
                            + "\"rttMaxMs\":%.2f,\"rttP95Ms\":%.2f,\"jitterMs\":%.2f,\"lossPct\":%.3f,"
                            + "\"availabilityPct\":%.3f,\"sampleCount\":300}",
                    DemoFleet.tunnelId(i), i, t, rtt * 0.7, n % 12 == 0 && t == 0 ? "\"n/a\"" : String.format(Locale.ROOT,
                            "%.2f", rtt), rtt * 2, rtt * 1.5, degraded ? 40 + random.nextInt(40) : random.nextDouble() * 4,
                    degraded ? 2 + random.nextDouble() * 8 : random.nextDouble() * 0.2,
                    degraded ? 90 + random.nextDouble() * 8 : 99.9 + random.nextDouble() * 0.1));
        }
        return "{\"probeId\":\"DEMO-PRB-" + (n % 4) + "\",\"intervalStart\":\"" + clock.instant().minusSeconds(301)
                + "\",\"intervalEnd\":\"" + end + "\",\"results\":" + results + "}";
    }

    /** Two Ookla results; every 15th batch holds one whose type is not "result" (refused with 400). */
    public String speedtestResults() {
        long n = speedtestBatches.incrementAndGet();
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int k = 0; k < 2; k++) {
            int i = 1 + random.nextInt(DemoFleet.CUSTOMERS);
            double mbps = contracted(i) * (random.nextInt(20) == 0 ? 0.2 + random.nextDouble() * 0.3 : 0.85 + random.nextDouble() * 0.15);
            batch.add(String.format(Locale.ROOT, "{\"agentId\":\"AGT-%04d\",\"lineId\":\"%s\",\"result\":{\"type\":\"%s\","
                            + "\"timestamp\":\"%s\",\"ping\":{\"jitter\":%.2f,\"latency\":%.2f},"
                            + "\"download\":{\"bandwidth\":%d},\"upload\":{\"bandwidth\":%d},\"packetLoss\":%.2f,"
                            + "\"isp\":\"Demo Telecom\",\"server\":{\"id\":4242,\"name\":\"Demo\"},"
                            + "\"result\":{\"id\":\"demo-%d-%d\"}}}", i, DemoFleet.lineId(i),
                    n % 15 == 0 && k == 0 ? "log" : "result", clock.instant().minusSeconds(1 + k),
                    random.nextDouble() * 3, 8 + random.nextDouble() * 20, (long) (mbps * 125_000),
                    (long) (mbps * 0.2 * 125_000), random.nextDouble() * 0.5, n, k));
        }
        return batch.toString();
    }

    /** Drops a CSV export of five tests in the inbox; every 4th file has a bad line (quarantined alone). */
    public void dropCsvExport() throws IOException {
        files++;
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int k = 0; k < 5; k++) {
            int i = 1 + random.nextInt(DemoFleet.CUSTOMERS);
            long bandwidth = (long) (contracted(i) * (0.8 + random.nextDouble() * 0.2) * 125_000);
            csv.append(String.format(Locale.ROOT, "AGT-%04d,%s,%s,%s,%.2f,%d,%d,%.2f,4242,Demo Telecom,csv-%d-%d%n",
                    i, DemoFleet.lineId(i), clock.instant().minusSeconds(10 + k),
                    files % 4 == 0 && k == 2 ? "slow" : String.format(Locale.ROOT, "%.2f", 8 + random.nextDouble() * 20),
                    random.nextDouble() * 3, bandwidth, bandwidth / 5, random.nextDouble() * 0.5, files, k));
        }
        Files.createDirectories(inbox);
        Path partial = inbox.resolve("demo-" + files + ".csv.part");
        Files.writeString(partial, csv);
        Files.move(partial, inbox.resolve("demo-" + clock.millis() + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static double contracted(int i) {
        return i % 5 == 0 ? 1000 : 300;
    }
}
