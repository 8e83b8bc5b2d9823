package io.cemhub.demo;

import java.util.Locale;
import java.util.Random;

/**
 * The demo's customers and the measurements their services would report: mostly healthy values with an
 * occasional degradation, so that later threshold rules have something to catch.
 */
final class DemoFleet {

    static final int CUSTOMERS = 20;

    private DemoFleet() {
    }

    static String customerId(int i) { return String.format(Locale.ROOT, "DEMO-C%03d", i); }
    static String vpnServiceId(int i) { return String.format(Locale.ROOT, "DEMO-VPN%03d", i); }
    static String broadbandServiceId(int i) { return String.format(Locale.ROOT, "DEMO-BB%03d", i); }
    static String tunnelId(int i) { return String.format(Locale.ROOT, "TUN-%04d", i); }
    static String lineId(int i) { return String.format(Locale.ROOT, "LINE-%05d", i); }
    /** The billing account: an external id (system "billing") of the customer and of its voice service. */
    static String billingAccount(int i) { return "ACC-" + (1000 + i); }
    static String voiceServiceId(int i) { return String.format(Locale.ROOT, "DEMO-VOICE%03d", i); }

    /** One wiSLA.VPN-like measurement as canonical JSON, keyed by the tunnel id the source knows. */
    static String vpnMeasurement(Random random, String observedAt) {
        int i = 1 + random.nextInt(CUSTOMERS);
        boolean degraded = random.nextInt(25) == 0;
        String[] metrics = {"vpn.rtt.avg", "vpn.jitter", "vpn.loss", "vpn.availability"};
        String metric = metrics[random.nextInt(metrics.length)];
        double value = switch (metric) {
            case "vpn.rtt.avg" -> degraded ? 180 + random.nextInt(120) : 8 + random.nextDouble() * 20;
            case "vpn.jitter" -> degraded ? 40 + random.nextInt(40) : random.nextDouble() * 4;
            case "vpn.loss" -> degraded ? 2 + random.nextDouble() * 8 : random.nextDouble() * 0.2;
            default -> degraded ? 90 + random.nextDouble() * 8 : 99.9 + random.nextDouble() * 0.1;
        };
        return measurement("wisla-vpn", tunnelId(i), metric, value, observedAt);
    }

    /** One wiSLA.Speedtest-like measurement as canonical JSON, keyed by the line id. */
    static String speedtestMeasurement(Random random, String observedAt) {
        int i = 1 + random.nextInt(CUSTOMERS);
        boolean degraded = random.nextInt(20) == 0;
        double contracted = i % 5 == 0 ? 1000 : 300;
        return measurement("wisla-speedtest", lineId(i), "speedtest.download.mbps",
                contracted * (degraded ? 0.2 + random.nextDouble() * 0.3 : 0.85 + random.nextDouble() * 0.15), observedAt);
    }

    private static String measurement(String system, String serviceRef, String metric, double value, String observedAt) {
        return String.format(Locale.ROOT, "{\"source\":{\"system\":\"%s\",\"adapter\":\"demo-simulator\"},"
                + "\"serviceId\":\"%s\",\"metric\":\"%s\",\"value\":%.3f,\"observedAt\":\"%s\"}",
                system, serviceRef, metric, value, observedAt);
    }
}
