package io.cemhub.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command line of {@link IngestLoadGenerator}: {@code --name value} pairs, every one optional.
 *
 * <pre>
 *   --url http://127.0.0.1:18080     the hub (loopback only)
 *   --broker tcp://127.0.0.1:16161   the hub's Artemis TCP acceptor, for the cem.events subscription
 *   --mode batch|single|jms          100 (--batch) records per POST, or one; jms: one persistent message per
 *                                    record on --queue (a JMS adapter's source), through the broker's acceptor
 *                                    wisla-vpn: one wiSLA.VPN export per message (one tunnel, 5 records) on
 *                                    --queue, through the adapter's JMS route and JSONata mapping
 *   --queue cem.ingest.canonical     jms mode: the queue the records are sent to (wisla-vpn: cem.adapter.wisla-vpn)
 *   --loop closed|open               as fast as --connections allow, or --rate records/s on a fixed schedule
 *   --count 200000                   measured records
 *   --warmup 50000                   records sent (and awaited) first, not measured: the hub's JIT warms up
 *   --connections 8                  concurrent HTTP/1.1 keep-alive connections
 *   --rate 5000                      open loop: records/s
 *   --batch 100                      records per POST in batch mode
 *   --services 1000                  distinct serviceIds (spread over all 16 partitions)
 *   --event-timeout 120              seconds to wait for the last event after the last POST answered
 *   --max-seconds 900                hard limit on one phase's sending
 *   --hub-pid 1234                   the hub's process id: report the CPU it used (Linux /proc)
 * </pre>
 */
record LoadOptions(URI url, String broker, boolean batchMode, boolean jmsMode, boolean wislaVpn, String queue,
                   boolean openLoop,
                   int count, int warmup, int connections, double rate, int batch, int services,
                   Duration eventTimeout, Duration maxSending, long hubPid) {

    private static final Set<String> NAMES = Set.of("url", "broker", "mode", "loop", "count", "warmup",
            "connections", "rate", "batch", "services", "event-timeout", "max-seconds", "hub-pid", "queue");

    static LoadOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option '" + args[i] + "'; known: " + NAMES);
            }
            given.put(name, args[++i]);
        }
        String mode = given.getOrDefault("mode", "batch");
        String loop = given.getOrDefault("loop", "closed");
        if (!Set.of("batch", "single", "jms", "wisla-vpn").contains(mode) || !Set.of("closed", "open").contains(loop)) {
            throw new IllegalArgumentException("--mode is batch, single, jms or wisla-vpn, --loop is closed or open");
        }
        boolean batchMode = mode.equals("batch");
        boolean wislaVpn = mode.equals("wisla-vpn");
        LoadOptions o = new LoadOptions(
                URI.create(given.getOrDefault("url", "http://127.0.0.1:18080")),
                given.getOrDefault("broker", "tcp://127.0.0.1:16161"),
                batchMode,
                mode.equals("jms") || wislaVpn,
                wislaVpn,
                given.getOrDefault("queue", wislaVpn ? "cem.adapter.wisla-vpn" : "cem.ingest.canonical"),
                loop.equals("open"),
                Integer.parseInt(given.getOrDefault("count", "200000")),
                Integer.parseInt(given.getOrDefault("warmup", "50000")),
                Integer.parseInt(given.getOrDefault("connections", "8")),
                Double.parseDouble(given.getOrDefault("rate", "5000")),
                batchMode ? Integer.parseInt(given.getOrDefault("batch", "100"))
                        : wislaVpn ? WislaVpnBodies.RECORDS_PER_MESSAGE : 1,
                Integer.parseInt(given.getOrDefault("services", "1000")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("event-timeout", "120"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("max-seconds", "900"))),
                Long.parseLong(given.getOrDefault("hub-pid", "0")));
        o.check();
        return o;
    }

    private void check() {
        String host = url.getHost();
        // The generator is a loopback tool: it must never load anybody else's hub.
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("--url must be on loopback (127.0.0.1), not " + host);
        }
        if (!broker.startsWith("tcp://127.0.0.1:") && !broker.startsWith("tcp://localhost:")) {
            throw new IllegalArgumentException("--broker must be tcp://127.0.0.1:<port>, not " + broker);
        }
        if (count < 1 || warmup < 0 || connections < 1 || connections > 256 || batch < 1 || batch > 10_000
                || services < 1 || rate <= 0) {
            throw new IllegalArgumentException("out of range: count>=1, warmup>=0, 1<=connections<=256, "
                    + "1<=batch<=10000, services>=1, rate>0");
        }
        if (wislaVpn && (count % batch != 0 || warmup % batch != 0)) {
            throw new IllegalArgumentException("--mode wisla-vpn: --count and --warmup must be multiples of " + batch
                    + " (the records of one export)");
        }
    }

    String describe() {
        return (batchMode ? "batch(" + batch + "/POST)"
                : wislaVpn ? "wisla-vpn(1 persistent export message/" + batch + " records on " + queue + ")"
                : jmsMode ? "jms(1 persistent message/record on " + queue + ")" : "single") + ", "
                + (openLoop ? "open loop at " + (long) rate + " records/s" : "closed loop") + ", "
                + connections + " connections, " + count + " records (+" + warmup + " warm-up), "
                + services + " serviceIds";
    }
}
