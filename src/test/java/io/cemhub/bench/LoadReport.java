package io.cemhub.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Figures of one finished phase. Rates are over the whole phase from its first scheduled send:
 * "accepted" ends at the last 202 (records durable in the broker), "end-to-end" at the last event.
 * Latency is per record, from its request's scheduled send time to its event's arrival.
 */
record LoadReport(int records, int requests, double seconds, double acceptedPerSecond, double endToEndPerSecond,
                  long[] eventLatencyNanos, long[] httpLatencyNanos) {

    static LoadReport of(PhaseTracker t, long start) {
        long lastAnswer = start;
        long[] http = new long[t.requests];
        for (int k = 0; k < t.requests; k++) {
            lastAnswer = Math.max(lastAnswer, t.answered[k]);
            http[k] = t.answered[k] - t.scheduled[k];
        }
        long lastEvent = start;
        long[] latency = new long[t.records];
        for (int i = 0; i < t.records; i++) {
            long arrival = t.arrivalOf(i);
            lastEvent = Math.max(lastEvent, arrival);
            latency[i] = arrival - t.scheduled[i / t.perRequest];
        }
        Arrays.sort(http);
        Arrays.sort(latency);
        double accepted = (lastAnswer - start) / 1e9;
        double endToEnd = (lastEvent - start) / 1e9;
        return new LoadReport(t.records, t.requests, endToEnd, t.records / accepted, t.records / endToEnd,
                latency, http);
    }

    static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    String render(LoadOptions o) {
        long[] e = eventLatencyNanos;
        long[] h = httpLatencyNanos;
        String messages = !o.wislaVpn() ? "" : String.format(Locale.ROOT,
                "%nexport messages     %.0f/s accepted, %.0f/s end to end (%d records each)",
                acceptedPerSecond / o.batch(), endToEndPerSecond / o.batch(), o.batch());
        return String.format(Locale.ROOT, """
                records              %d in %d %s, all %d events arrived (matched by correlationId)
                duration             %.2f s (first send -> last event)
                accepted rate        %.0f measurements/s (202, or the broker's answer to a durable send)
                end-to-end rate      %.0f measurements/s (measurement -> event on %s)
                ingest->event ms     p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f
                send -> accepted ms  p50 %.1f  p99 %.1f  max %.1f
                RESULT mode=%s loop=%s rate=%s connections=%d records=%d accepted_per_s=%.0f e2e_per_s=%.0f \
                p50_ms=%.1f p99_ms=%.1f max_ms=%.1f""",
                records, requests, o.jmsMode() ? "JMS messages" : "POSTs", records, seconds, acceptedPerSecond, endToEndPerSecond, EventWatcher.TOPIC,
                percentileMillis(e, 50), percentileMillis(e, 90), percentileMillis(e, 99), percentileMillis(e, 99.9),
                percentileMillis(e, 100),
                percentileMillis(h, 50), percentileMillis(h, 99), percentileMillis(h, 100),
                o.batchMode() ? "batch" + o.batch() : o.wislaVpn() ? "wisla-vpn" : o.jmsMode() ? "jms" : "single",
                o.openLoop() ? "open" : "closed",
                o.openLoop() ? String.valueOf((long) o.rate()) : "max", o.connections(), records,
                acceptedPerSecond, endToEndPerSecond,
                percentileMillis(e, 50), percentileMillis(e, 99), percentileMillis(e, 100)) + messages;
    }
}
