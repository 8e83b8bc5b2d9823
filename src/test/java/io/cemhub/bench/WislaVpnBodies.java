package io.cemhub.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * wiSLA.VPN export documents for {@code --mode wisla-vpn}: message k is one export with one tunnel, which
 * the adapter's mapping (mappings/wisla-vpn.jsonata) turns into {@link #RECORDS_PER_MESSAGE} measurements
 * with ids {@code <probeId>/<intervalEnd>/<tunnelId>/<metric>}. The probeId is {@code <prefix>-<k>}, so an
 * event's correlationId maps back to its record number {@code k * 5 + metric index} without a lookup table;
 * the tunnel (the serviceId) is {@code BENCH-<k mod services>}.
 */
final class WislaVpnBodies {

    /** The metrics the mapping makes of one tunnel, in its order. */
    static final List<String> METRICS = List.of("vpn.rtt.avg", "vpn.rtt.p95", "vpn.jitter", "vpn.loss",
            "vpn.availability");
    static final int RECORDS_PER_MESSAGE = METRICS.size();

    private final String prefix;
    private final int services;

    WislaVpnBodies(String prefix, int services) {
        this.prefix = prefix;
        this.services = services;
    }

    /** Message k: one export document with one tunnel. */
    byte[] body(int k) {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        double v = k % 97 + 0.5;
        String json = "{\"probeId\":\"" + prefix + '-' + k + "\",\"intervalStart\":\"" + end.minusSeconds(300)
                + "\",\"intervalEnd\":\"" + end + "\",\"results\":[{\"tunnelId\":\"BENCH-" + (k % services)
                + "\",\"vpnId\":\"VPN-BENCH\",\"siteA\":\"PAR-01\",\"siteZ\":\"LYS-02\",\"classOfService\":\"gold\","
                + "\"rttMinMs\":" + v / 2 + ",\"rttAvgMs\":" + v + ",\"rttMaxMs\":" + v * 3 + ",\"rttP95Ms\":" + v * 2
                + ",\"jitterMs\":" + v / 10 + ",\"lossPct\":" + (k % 7) + ",\"availabilityPct\":" + (100 - k % 5)
                + ",\"sampleCount\":300}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The phase prefix and record number of a correlationId made by {@link #body}; null for another shape. */
    static Parsed parse(String correlationId) {
        int slash = correlationId.indexOf('/');
        int dash = slash < 0 ? -1 : correlationId.lastIndexOf('-', slash);
        int metricStart = correlationId.lastIndexOf('/') + 1;
        if (dash <= 0 || metricStart <= slash) {
            return null;
        }
        int metric = METRICS.indexOf(correlationId.substring(metricStart));
        if (metric < 0) {
            return null;
        }
        try {
            int k = Integer.parseInt(correlationId, dash + 1, slash, 10);
            return new Parsed(correlationId.substring(0, dash), k * RECORDS_PER_MESSAGE + metric);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A phase's prefix and a record number within that phase. */
    record Parsed(String prefix, int record) {
    }
}
