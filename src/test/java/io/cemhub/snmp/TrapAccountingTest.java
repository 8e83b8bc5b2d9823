package io.cemhub.snmp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The receiver alone (no hub; its batcher not started, so what it decodes waits in the batcher's queue):
 * every datagram ends decoded or dropped with a reason, once, also the garbage SNMP4J drops without a
 * counter of its own (empty, cut, trailing bytes, unknown PDU tag), a stray RESPONSE, and a trap the
 * full queue cannot take: received = decoded + dropped.
 */
class TrapAccountingTest {

    /** A minimal v2c trap (community cem-unittest1, sysUpTime.0 42, snmpTrapOID.0 linkDown), 73 bytes. */
    static final String TRAP = "3047020101040d63656d2d756e69747465737431a733020101020100020100"
            + "3028300d06082b0601020101030043012a3017060a2b06010603010104010006092b0601060301010503";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TrapMetrics metrics = new TrapMetrics(meters);
    private TrapReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        SnmpProperties.Traps config = new SnmpProperties.Traps();
        config.setPort(0);
        config.setCommunities(List.of("cem-unittest1"));
        config.setQueueCapacity(2); // two decoded traps fill the (not started) batcher's queue
        ObjectMapper mapper = new ObjectMapper();
        TrapBatcher batcher = new TrapBatcher(config, null, metrics, mapper);
        receiver = new TrapReceiver(config, new TrapSecurity(config), metrics, batcher, mapper, Clock.systemUTC());
        receiver.start();
    }

    @AfterEach
    void stop() throws IOException {
        receiver.stop();
    }

    @Test
    void everyDatagramEndsDecodedOrDroppedWithAReasonOnce() throws IOException {
        String trap = TRAP;
        send("", TrapMetrics.Drop.UNDECODABLE);
        send("30", TrapMetrics.Drop.UNDECODABLE);
        send(trap.substring(0, trap.length() - 2), TrapMetrics.Drop.UNDECODABLE); // one byte short
        send(trap + "0000", TrapMetrics.Drop.UNDECODABLE); // trailing bytes
        send(trap.replace("a733", "af33"), TrapMetrics.Drop.UNDECODABLE); // unknown PDU tag
        send(trap.replace("3047020101", "3047020104"), TrapMetrics.Drop.UNDECODABLE); // version 4
        send(trap.replace("a733", "a033"), TrapMetrics.Drop.NOT_A_NOTIFICATION); // GET
        send(trap.replace("a733", "a233"), TrapMetrics.Drop.NOT_A_NOTIFICATION); // a RESPONSE nobody waits for
        send(trap.replace("7431", "7432"), TrapMetrics.Drop.BAD_COMMUNITY); // cem-unittest2
        send(trap, null); // decoded
        send(trap, null); // decoded: the queue is full now
        send(trap, TrapMetrics.Drop.QUEUE_FULL);

        assertThat(metrics.count("received")).isEqualTo(12);
        assertThat(metrics.count("decoded")).isEqualTo(2);
        assertThat(metrics.dropped(TrapMetrics.Drop.UNDECODABLE)).isEqualTo(6);
        assertThat(metrics.dropped(TrapMetrics.Drop.NOT_A_NOTIFICATION)).isEqualTo(2);
        assertThat(metrics.dropped(TrapMetrics.Drop.BAD_COMMUNITY)).isEqualTo(1);
        assertThat(metrics.dropped(TrapMetrics.Drop.QUEUE_FULL)).isEqualTo(1);
        assertThat(ended()).isEqualTo(metrics.count("received"));
    }

    /** Sends one datagram and waits for its outcome: decoded (reason null) or dropped for that reason. */
    private void send(String hex, TrapMetrics.Drop reason) throws IOException {
        double received = metrics.count("received");
        double decoded = metrics.count("decoded");
        double dropped = reason == null ? 0 : metrics.dropped(reason);
        double ended = ended();
        byte[] bytes = HexFormat.of().parseHex(hex);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), receiver.port()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> metrics.count("received") == received + 1 && ended() == ended + 1);
        if (reason == null) {
            assertThat(metrics.count("decoded")).as(hex + ": " + counts()).isEqualTo(decoded + 1);
        } else {
            assertThat(metrics.dropped(reason)).as(hex + ": " + counts()).isEqualTo(dropped + 1);
        }
    }

    private String counts() {
        StringBuilder s = new StringBuilder("decoded " + metrics.count("decoded"));
        for (TrapMetrics.Drop d : TrapMetrics.Drop.values()) {
            s.append(", ").append(d.tag()).append(' ').append(metrics.dropped(d));
        }
        return s.toString();
    }

    /** Decoded, or dropped for any reason but not-durable (which befalls decoded ones later). */
    private double ended() {
        double ended = metrics.count("decoded");
        for (TrapMetrics.Drop d : TrapMetrics.Drop.values()) {
            ended += d == TrapMetrics.Drop.NOT_DURABLE ? 0 : metrics.dropped(d);
        }
        return ended;
    }
}
