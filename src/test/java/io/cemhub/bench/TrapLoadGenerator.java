package io.cemhub.bench;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Traps/s end to end (bench/snmp-traps.sh): sends SNMPv2c IF-MIB linkUp traps with SNMP4J over loopback
 * at {@code --rate} per second (0: as fast as one thread can), each for a distinct (device, ifIndex,
 * sysUpTime), and counts the MeasurementCreateEvents of this run on cem.events. Reports the send rate,
 * the end-to-end rate (events / time from the first trap to the last event), loss, the hub's own trap
 * counters and the kernel's UDP receive-buffer errors during the run. Options: --trap-port, --rate,
 * --count, --warmup, --event-timeout (s), --url, --broker, --hub-pid.
 */
public final class TrapLoadGenerator {

    private static final OID LINK_UP = new OID("1.3.6.1.6.3.1.1.5.4");
    private static final OID IF_INDEX = new OID("1.3.6.1.2.1.2.2.1.1");
    private static final OID IF_OPER = new OID("1.3.6.1.2.1.2.2.1.8");

    private TrapLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int port = Integer.parseInt(o.getOrDefault("trap-port", "11162"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "5000"));
        int count = Integer.parseInt(o.getOrDefault("count", "50000"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10000"));
        long timeoutNanos = Long.parseLong(o.getOrDefault("event-timeout", "120")) * 1_000_000_000L;
        String url = o.getOrDefault("url", "http://127.0.0.1:18080");
        Random random = new Random();
        boolean ok = true;
        try (Snmp snmp = new Snmp(new DefaultUdpTransportMapping());
             Counter events = new Counter(o.getOrDefault("broker", "tcp://127.0.0.1:16161"))) {
            snmp.listen();
            if (warmup > 0) {
                String device = "10." + (1 + random.nextInt(250)) + "." + random.nextInt(256) + ".1";
                run("warm-up", snmp, port, device, rate, warmup, events, timeoutNanos, url);
            }
            String device = "10." + (1 + random.nextInt(250)) + "." + random.nextInt(256) + ".2";
            ok = run("measured", snmp, port, device, rate, count, events, timeoutNanos, url);
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(String phase, Snmp snmp, int port, String device, double rate, int count, Counter events,
                               long timeoutNanos, String url) throws IOException, InterruptedException {
        CommunityTarget<UdpAddress> target = new CommunityTarget<>(
                new UdpAddress(InetAddress.getLoopbackAddress(), port), new OctetString("cem-bench"));
        target.setVersion(SnmpConstants.version2c);
        AtomicLong arrived = events.track(device);
        long rcvbufBefore = rcvbufErrors();
        Map<String, Double> hubBefore = hubCounters(url);
        long start = System.nanoTime();
        long interval = rate > 0 ? (long) (1_000_000_000L / rate) : 0;
        for (int i = 0; i < count; i++) {
            if (interval > 0) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 20_000) {
                    LockSupport.parkNanos(wait);
                }
            }
            snmp.send(trap(device, i), target);
        }
        long sentAt = System.nanoTime();
        long deadline = sentAt + timeoutNanos;
        long last = arrived.get();
        long lastChange = System.nanoTime();
        // when the hub had made the last trap durable (its cem.snmp.traps.durable counter stops moving)
        double durableBefore = hubBefore.getOrDefault("cem_snmp_traps_durable", 0.0);
        double durable = durableBefore;
        long durableAt = start;
        while (arrived.get() < count && System.nanoTime() < deadline && System.nanoTime() - lastChange < 15_000_000_000L) {
            Thread.sleep(500);
            if (arrived.get() != last) {
                last = arrived.get();
                lastChange = System.nanoTime();
            }
            double now = hubCounters(url).getOrDefault("cem_snmp_traps_durable", durable);
            if (now != durable) {
                durable = now;
                durableAt = System.nanoTime();
                lastChange = durableAt; // with the pipeline stopped only this moves
            }
        }
        long end = events.lastArrival(device);
        long got = arrived.get();
        double sendSeconds = (sentAt - start) / 1e9;
        double e2eSeconds = Math.max(end - start, 1) / 1e9;
        Map<String, Double> hubAfter = hubCounters(url);
        System.out.printf("%s: %d traps sent in %.2f s (%.0f/s, asked %s/s); %d events arrived, last %.2f s after the"
                        + " first trap: %.0f traps/s end to end; lost %d (%.3f %%); kernel UDP RcvbufErrors +%d%n",
                phase, count, sendSeconds, count / sendSeconds, rate > 0 ? String.format("%.0f", rate) : "max", got,
                e2eSeconds, got / e2eSeconds, count - got, 100.0 * (count - got) / count, rcvbufErrors() - rcvbufBefore);
        System.out.printf("  durable in the broker: %.0f traps, the last about %.1f s after the first trap: ~%.0f traps/s"
                + " (sampled every 0.5 s)%n", durable - durableBefore, (durableAt - start) / 1e9,
                (durable - durableBefore) / Math.max((durableAt - start) / 1e9, 0.001));
        System.out.println("  hub counters during the phase: " + hubAfter.entrySet().stream()
                .map(e -> e.getKey() + " +" + Math.round(e.getValue() - hubBefore.getOrDefault(e.getKey(), 0.0)))
                .collect(Collectors.joining(", ")));
        return got == count;
    }

    private static PDU trap(String device, int i) {
        PDU pdu = new PDU();
        pdu.setType(PDU.TRAP);
        int ifIndex = 1 + i % 1000;
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(i + 1L)));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, LINK_UP));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapAddress, new IpAddress(device)));
        pdu.add(new VariableBinding(new OID(IF_INDEX).append(ifIndex), new Integer32(ifIndex)));
        pdu.add(new VariableBinding(new OID(IF_OPER).append(ifIndex), new Integer32(1)));
        return pdu;
    }

    /** Udp RcvbufErrors of /proc/net/snmp (the whole machine): datagrams the kernel dropped, buffer full. */
    static long rcvbufErrors() throws IOException {
        List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp")).stream().filter(l -> l.startsWith("Udp:")).toList();
        List<String> names = List.of(udp.get(0).split("\\s+"));
        return Long.parseLong(udp.get(1).split("\\s+")[names.indexOf("RcvbufErrors")]);
    }

    /** The hub's cem_snmp_traps_* counters from /actuator/prometheus. */
    static Map<String, Double> hubCounters(String url) {
        try {
            // /actuator/** needs a login: the ADMIN user bench/common.sh gives the throw-away hub
            String login = System.getenv("CEM_BENCH_BROKER_USER") + ":" + System.getenv("CEM_BENCH_BROKER_PASSWORD");
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString(login.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> counters = new java.util.TreeMap<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("cem_snmp_traps_")) {
                    int space = line.lastIndexOf(' ');
                    double v = Double.parseDouble(line.substring(space + 1));
                    if (v > 0 || line.contains("dropped")) {
                        counters.put(line.substring(0, space).replace("_total", ""), v);
                    }
                }
            }
            return counters;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Counts this run's measurement events on cem.events (a subscription made before anything is sent). */
    private static final class Counter implements AutoCloseable {
        private static final String DEVICE = "\"device\":\"";
        private final Connection connection;
        private final Map<String, AtomicLong> byDevice = new ConcurrentHashMap<>();
        private final Map<String, Long> lastArrival = new ConcurrentHashMap<>();

        Counter(String broker) throws jakarta.jms.JMSException {
            connection = new ActiveMQConnectionFactory(broker, System.getenv("CEM_BENCH_BROKER_USER"),
                    System.getenv("CEM_BENCH_BROKER_PASSWORD")).createConnection();
            String subscription = "cem-trap-bench-" + System.nanoTime();
            for (int i = 0; i < 2; i++) {
                Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
                MessageConsumer consumer = session.createSharedConsumer(session.createTopic("cem.events"), subscription);
                consumer.setMessageListener(message -> {
                    try {
                        if (message instanceof TextMessage text
                                && "MeasurementCreateEvent".equals(message.getStringProperty("eventType"))) {
                            String json = text.getText();
                            int at = json.indexOf(DEVICE);
                            if (at >= 0) {
                                String device = json.substring(at + DEVICE.length(), json.indexOf('"', at + DEVICE.length()));
                                AtomicLong n = byDevice.get(device);
                                if (n != null) {
                                    n.incrementAndGet();
                                    lastArrival.put(device, System.nanoTime());
                                }
                            }
                        }
                    } catch (jakarta.jms.JMSException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            connection.start();
        }

        AtomicLong track(String device) {
            return byDevice.computeIfAbsent(device, d -> new AtomicLong());
        }

        long lastArrival(String device) {
            return lastArrival.getOrDefault(device, System.nanoTime());
        }

        @Override
        public void close() throws jakarta.jms.JMSException {
            connection.close();
        }
    }
}
