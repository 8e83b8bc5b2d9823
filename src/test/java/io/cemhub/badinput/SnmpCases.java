package io.cemhub.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.snmp.TrapMetrics;
import io.cemhub.support.EventCollector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the SNMP corpus: each case's datagram ({@link SnmpMessages}) sent once over UDP, from a socket of
 * its own, to the hub's trap port. Expected: {@code dropped} (the reason tag: the datagram ends as one
 * more {@code cem.snmp.traps.dropped{reason}} and nothing else moves), or {@code quarantined} (a part of
 * the reason: the datagram is decoded and its JSON form, holding the case's marker, is kept in
 * cem.quarantine for adapter snmp-traps; {@code unknown: true} when it counts in
 * {@code cem.snmp.traps.unknown}), or {@code accepted} (that many record events carry the marker).
 * {@code answered: true}: an INFORM's answer comes back to the sending socket (once it is durable).
 * Nothing of a dropped or quarantined case may reach cem.events. Every few cases a good trap (a canary,
 * linkDown with the marker in ifDescr) goes the same way and must come out as a record event.
 */
final class SnmpCases {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final int CANARY_EVERY = 5;
    private static final String CANARY = """
            {version: v2c, pdu: TRAP, trapOid: 1.3.6.1.6.3.1.1.5.3, varbinds: [
              [1.3.6.1.2.1.2.2.1.1.9, i, 9], [1.3.6.1.2.1.2.2.1.8.9, i, 2], [1.3.6.1.2.1.2.2.1.2.9, s, "${marker}"]]}""";

    private final int port;
    private final TrapMetrics metrics;
    private final QuarantineProbe quarantine;
    private final EventCollector events;
    private final List<String> canaries = new ArrayList<>();
    private int cases;

    SnmpCases(int port, TrapMetrics metrics, QuarantineProbe quarantine, EventCollector events) {
        this.port = port;
        this.metrics = metrics;
        this.quarantine = quarantine;
        this.events = events;
    }

    List<String> canaries() {
        return canaries;
    }

    /** What the receiver counted so far: received, decoded, dropped by reason. */
    record Counts(double received, double decoded, Map<TrapMetrics.Drop, Double> dropped) {
        static Counts of(TrapMetrics metrics) {
            Map<TrapMetrics.Drop, Double> dropped = new EnumMap<>(TrapMetrics.Drop.class);
            for (TrapMetrics.Drop d : TrapMetrics.Drop.values()) {
                dropped.put(d, metrics.dropped(d));
            }
            return new Counts(metrics.count("received"), metrics.count("decoded"), dropped);
        }

        /** Datagrams with an outcome: decoded, or dropped for any reason but not-durable (which befalls decoded ones). */
        double ended() {
            return decoded + dropped.entrySet().stream().filter(e -> e.getKey() != TrapMetrics.Drop.NOT_DURABLE)
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        String since(Counts before) {
            StringBuilder s = new StringBuilder("received +" + (received - before.received) + ", decoded +"
                    + (decoded - before.decoded));
            dropped.forEach((d, n) -> {
                if (n > before.dropped.get(d)) {
                    s.append(", dropped{").append(d.tag()).append("} +").append(n - before.dropped.get(d));
                }
            });
            return s.toString();
        }
    }

    void run(Corpus corpus, Corpus.Case c, String marker) {
        if (cases++ % CANARY_EVERY == 0) {
            canary("snmp-canary-" + canaries.size() + "-" + java.util.UUID.randomUUID()); // not holding the case's marker
        }
        byte[] datagram = SnmpMessages.of(corpus, c, marker);
        JsonNode expect = c.expect();
        QuarantineProbe kept = quarantine.since(System.currentTimeMillis() - 1000);
        Counts before = Counts.of(metrics);
        double unknown = metrics.count("unknown");

        try (DatagramSocket socket = send(datagram)) {
            // every datagram ends decoded or dropped, once
            await().atMost(WAIT).untilAsserted(() -> {
                Counts now = Counts.of(metrics);
                assertThat(now.received).as(now.since(before)).isEqualTo(before.received + 1);
                assertThat(now.ended()).as(now.since(before)).isEqualTo(before.ended() + 1);
            });
            Counts after = Counts.of(metrics);
            String seen = after.since(before);
            if (expect.has("dropped")) {
                TrapMetrics.Drop reason = drop(expect.path("dropped").asText());
                assertThat(after.dropped.get(reason)).as(seen).isEqualTo(before.dropped.get(reason) + 1);
            } else {
                assertThat(after.decoded).as(seen).isEqualTo(before.decoded + 1);
                if (expect.has("quarantined")) {
                    await().atMost(WAIT).until(() -> !snmpEntries(kept, marker).isEmpty());
                    List<QuarantineProbe.Entry> entries = snmpEntries(kept, marker);
                    assertThat(entries).as("quarantine entries of " + marker).hasSize(1);
                    assertThat(entries.get(0).reason()).as("reason").containsIgnoringCase(expect.path("quarantined").asText());
                    assertThat(metrics.count("unknown")).as("cem.snmp.traps.unknown")
                            .isEqualTo(unknown + (expect.path("unknown").asBoolean() ? 1 : 0));
                } else {
                    int records = expect.path("accepted").asInt(-1);
                    assertThat(records).as(c + ": expect dropped, quarantined or accepted").isPositive();
                    await().atMost(WAIT).untilAsserted(() -> assertThat(recordsWith(marker)).hasSize(records));
                    assertThat(snmpEntries(kept, marker)).as("quarantined although accepted").isEmpty();
                }
            }
            if (expect.path("answered").asBoolean()) {
                assertThat(answer(socket)).as("the INFORM's answer").isTrue();
            }
        }
        if (!expect.has("accepted")) {
            assertThat(recordsWith(marker)).as("records of a refused datagram").isEmpty();
        }
    }

    /** A good linkDown with the marker in ifDescr: decoded, then a record event. */
    private void canary(String marker) {
        Counts before = Counts.of(metrics);
        try {
            JsonNode message = Corpus.YAML.readTree(CANARY);
            send(SnmpMessages.encode(message, marker)).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(WAIT).until(() -> metrics.count("decoded") == before.decoded + 1);
        canaries.add(marker);
    }

    List<JsonNode> recordsWith(String marker) {
        return events.recordEvents().stream().filter(e -> e.toString().contains(marker)).toList();
    }

    private static List<QuarantineProbe.Entry> snmpEntries(QuarantineProbe probe, String marker) {
        return probe.containing(QuarantineProbe.QUARANTINE, marker).stream()
                .filter(e -> "snmp-traps".equals(e.adapter())).toList();
    }

    static TrapMetrics.Drop drop(String tag) {
        for (TrapMetrics.Drop d : TrapMetrics.Drop.values()) {
            if (d.tag().equals(tag)) {
                return d;
            }
        }
        throw new IllegalStateException("no drop reason " + tag);
    }

    private DatagramSocket send(byte[] datagram) {
        try {
            DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a datagram comes back to the socket within 30 s. */
    private static boolean answer(DatagramSocket socket) {
        try {
            socket.setSoTimeout(30_000);
            byte[] buffer = new byte[65_536];
            socket.receive(new DatagramPacket(buffer, buffer.length));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
