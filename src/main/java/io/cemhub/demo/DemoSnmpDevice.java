package io.cemhub.demo;

import io.cemhub.snmp.TrapReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Random;

/**
 * A simulated router for the demo: sends SNMPv2c traps to the hub's own receiver, as device
 * {@link #DEVICE} (snmpTrapAddress, as a proxy would): now and then an interface goes down and comes back
 * (IF-MIB linkDown/linkUp: a link-down alarm is raised and cleared), a ping test to {@link #PING_TARGET}
 * completes (DISMAN-PING-MIB), and once in a while a trap nobody mapped (kept in quarantine).
 */
public class DemoSnmpDevice implements AutoCloseable {

    static final String DEVICE = "10.99.0.1";
    static final String PING_TARGET = "10.99.1.1";
    static final String COMMUNITY = "cem-demo";
    static final int INTERFACES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DemoSnmpDevice.class);
    private static final OID LINK_DOWN = new OID("1.3.6.1.6.3.1.1.5.3");
    private static final OID LINK_UP = new OID("1.3.6.1.6.3.1.1.5.4");
    private static final OID IF_TABLE = new OID("1.3.6.1.2.1.2.2.1");
    private static final OID PING_COMPLETED = new OID("1.3.6.1.2.1.80.0.3");
    private static final OID PING_RESULTS = new OID("1.3.6.1.2.1.80.1.3.1");
    private static final OID PING_CTL = new OID("1.3.6.1.2.1.80.1.2.1");
    private static final OID HEARTBEAT = new OID("1.3.6.1.4.1.8072.2.3.0.1");

    private final TrapReceiver receiver;
    private final Random random = new Random();
    private final boolean[] down = new boolean[INTERFACES + 1];
    private final long started = System.nanoTime();
    private Snmp snmp;
    private long sent;

    public DemoSnmpDevice(TrapReceiver receiver) {
        this.receiver = receiver;
    }

    /** Service external ids the demo registry maps to demo services (system "snmp"). */
    public static String interfaceId(int ifIndex) {
        return DEVICE + "/" + ifIndex;
    }

    public synchronized void sendSomething() throws IOException {
        if (snmp == null) {
            snmp = new Snmp(new DefaultUdpTransportMapping());
        }
        long n = ++sent;
        if (n % 10 == 0) {
            send(HEARTBEAT, new VariableBinding(new OID("1.3.6.1.4.1.8072.2.3.2.1"), new Integer32((int) n)));
        } else if (n % 3 == 0) {
            pingCompleted();
        } else {
            int ifIndex = 1 + random.nextInt(INTERFACES);
            boolean goDown = !down[ifIndex] && random.nextInt(3) == 0;
            boolean comeUp = down[ifIndex];
            if (goDown || comeUp) {
                down[ifIndex] = goDown;
                send(goDown ? LINK_DOWN : LINK_UP,
                        new VariableBinding(new OID(IF_TABLE).append(1).append(ifIndex), new Integer32(ifIndex)),
                        new VariableBinding(new OID(IF_TABLE).append(7).append(ifIndex), new Integer32(1)),
                        new VariableBinding(new OID(IF_TABLE).append(8).append(ifIndex), new Integer32(goDown ? 2 : 1)));
                LOG.info("demo: SNMP device {} interface {} went {}", DEVICE, ifIndex, goDown ? "down" : "up");
            }
        }
    }

    private void pingCompleted() throws IOException {
        OID index = new OID("4.100.101.109.111.4.99.112.101.49"); // owner "demo", test "cpe1"
        int answered = random.nextInt(10) == 0 ? 2 : 5;
        send(PING_COMPLETED,
                new VariableBinding(new OID(PING_CTL).append(3).append(index), new Integer32(1)),
                new VariableBinding(new OID(PING_CTL).append(4).append(index),
                        new OctetString(InetAddress.getByName(PING_TARGET).getAddress())),
                new VariableBinding(new OID(PING_RESULTS).append(6).append(index), new Gauge32(8 + random.nextInt(20))),
                new VariableBinding(new OID(PING_RESULTS).append(7).append(index), new Gauge32(answered)),
                new VariableBinding(new OID(PING_RESULTS).append(8).append(index), new Gauge32(5)));
    }

    private void send(OID trapOid, VariableBinding... varbinds) throws IOException {
        PDU pdu = new PDU();
        pdu.setType(PDU.TRAP);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks((System.nanoTime() - started) / 10_000_000)));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, trapOid));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapAddress, new IpAddress(DEVICE)));
        for (VariableBinding vb : varbinds) {
            pdu.add(vb);
        }
        CommunityTarget<UdpAddress> target = new CommunityTarget<>(
                new UdpAddress(InetAddress.getLoopbackAddress(), receiver.port()), new OctetString(COMMUNITY));
        target.setVersion(SnmpConstants.version2c);
        snmp.send(pdu, target);
    }

    @Override
    public synchronized void close() throws IOException {
        if (snmp != null) {
            snmp.close();
        }
    }
}
