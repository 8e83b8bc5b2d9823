package io.cemhub.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Request bodies of canonical measurements. Record i has id {@code <prefix>-<i>}, so that its event
 * (correlationId = measurement id) maps back to i without a lookup table, and serviceId
 * {@code BENCH-<i mod services>}, so that with ~1000 services all 16 partitions carry load.
 */
final class MeasurementBodies {

    private static final String[] METRICS = {"vpn.rtt.avg", "vpn.jitter", "vpn.loss", "net.ping.rtt",
        "speedtest.download.mbps"};

    private final String prefix;
    private final int services;

    MeasurementBodies(String prefix, int services) {
        this.prefix = prefix;
        this.services = services;
    }

    /** Records [first, first + n): a JSON array when {@code array}, else the single record first. */
    byte[] body(int first, int n, boolean array) {
        String observedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        StringBuilder sb = new StringBuilder(n * 130 + 2);
        if (array) {
            sb.append('[');
        }
        for (int i = first; i < first + n; i++) {
            if (i > first) {
                sb.append(',');
            }
            sb.append("{\"id\":\"").append(prefix).append('-').append(i)
                    .append("\",\"serviceId\":\"BENCH-").append(i % services)
                    .append("\",\"metric\":\"").append(METRICS[i % METRICS.length])
                    .append("\",\"value\":").append(i % 97 + 0.5)
                    .append(",\"observedAt\":\"").append(observedAt).append("\"}");
        }
        if (array) {
            sb.append(']');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
