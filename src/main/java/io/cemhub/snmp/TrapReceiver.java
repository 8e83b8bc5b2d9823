package io.cemhub.snmp;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.TransportStateReference;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.MultiThreadedMessageDispatcher;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;

/**
 * Receives SNMP v1/v2c/v3 traps and INFORMs on {@code cem.snmp.traps.bind-address:port} with SNMP4J and
 * hands those that pass {@link TrapSecurity} to the {@link TrapBatcher} as JSON ({@link PduJson}). Every
 * datagram is counted, and ends decoded or dropped with a reason ({@link TrapMetrics#decodeOne}). An INFORM
 * is not answered here: the batcher answers it once the trap is durable, so a sender whose INFORM was lost
 * in a crash sends it again.
 */
public class TrapReceiver implements CommandResponder {

    private static final Logger LOG = LoggerFactory.getLogger(TrapReceiver.class);

    private final SnmpProperties.Traps config;
    private final TrapSecurity security;
    private final TrapMetrics metrics;
    private final TrapBatcher batcher;
    private final ObjectMapper mapper;
    private final Clock clock;
    private Snmp snmp;
    private DecodeQueue pool;
    private CountingUdpTransport transport;

    public TrapReceiver(SnmpProperties.Traps config, TrapSecurity security, TrapMetrics metrics, TrapBatcher batcher,
                        ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.security = security;
        this.metrics = metrics;
        this.batcher = batcher;
        this.mapper = mapper;
        this.clock = clock;
    }

    public synchronized void start() throws IOException {
        CounterSupport counters = TrapSecurity.counterListener(metrics);
        SecurityProtocols protocols = TrapSecurity.protocols();
        OctetString engineId = new OctetString(MPv3.createLocalEngineID());
        USM usm = new USM(protocols, engineId, 0, counters);
        security.addUsers(usm);
        MessageDispatcherImpl core = new MessageDispatcherImpl();
        core.addCounterListener(counters::fireIncrementCounter);
        core.addMessageProcessingModel(new MPv1());
        core.addMessageProcessingModel(new MPv2c());
        core.addMessageProcessingModel(new MPv3(engineId.getValue(), new DefaultPDUFactory(),
                protocols, new SecurityModels().addSecurityModel(usm), counters));
        pool = new DecodeQueue(Math.max(1, config.getDispatcherThreads()), config.getQueueCapacity(), metrics);
        transport = new CountingUdpTransport(new UdpAddress(InetAddress.getByName(config.getBindAddress()),
                config.getPort()), metrics);
        transport.setReceiveBufferSize(config.getReceiveBufferBytes()); // for a socket SNMP4J renews
        transport.applyReceiveBuffer(config.getReceiveBufferBytes()); // the socket is bound already
        // first in line on the dispatcher itself, before Snmp: it sees every PDU SNMP4J decoded, a stray
        // RESPONSE or REPORT too (Snmp would drop those unseen), and gives each its verdict
        core.addCommandResponder(this);
        snmp = new Snmp(new MultiThreadedMessageDispatcher(pool, core), transport);
        snmp.listen();
        LOG.info("SNMP trap receiver listening on udp:{}:{} (kernel receive buffer {} bytes, {} communities, {} USM users)",
                config.getBindAddress(), port(), transport.kernelReceiveBuffer(), config.getCommunities().size(),
                config.getUsers().size());
    }

    public synchronized void stop() throws IOException {
        if (snmp != null) {
            snmp.close(); // the socket first,
            pool.stop(); // then the decode queue, after what it holds
            snmp = null;
        }
    }

    /** The UDP port actually bound (differs from the setting when that is 0). */
    public int port() {
        return transport == null ? -1 : transport.boundPort();
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
        event.setProcessed(true);
        PDU pdu = event.getPDU();
        if (pdu == null) {
            metrics.dropped(TrapMetrics.Drop.UNDECODABLE, 1);
            return;
        }
        int type = pdu.getType();
        if (type != PDU.TRAP && type != PDU.V1TRAP && type != PDU.INFORM) {
            metrics.dropped(TrapMetrics.Drop.NOT_A_NOTIFICATION, 1);
            return;
        }
        String version;
        String user = null;
        int model = event.getMessageProcessingModel();
        if (model == MessageProcessingModel.MPv3) {
            if (event.getSecurityLevel() != SecurityLevel.AUTH_PRIV) {
                metrics.dropped(TrapMetrics.Drop.INSECURE_LEVEL, 1);
                return;
            }
            version = "v3";
            user = new String(event.getSecurityName(), java.nio.charset.StandardCharsets.UTF_8);
        } else {
            if (!security.communityAllowed(event.getSecurityName())) {
                metrics.dropped(TrapMetrics.Drop.BAD_COMMUNITY, 1);
                return;
            }
            version = model == MessageProcessingModel.MPv1 ? "v1" : "v2c";
        }
        String peer = "unknown";
        int peerPort = 0;
        if (event.getPeerAddress() instanceof IpAddress ip) {
            peer = ip.getInetAddress().getHostAddress();
            peerPort = ip instanceof UdpAddress udp ? udp.getPort() : 0;
        }
        try {
            PduJson.Origin origin = new PduJson.Origin(peer, peerPort, version, user, clock.instant());
            PendingTrap trap = new PendingTrap(PduJson.of(pdu, origin, mapper), type == PDU.INFORM ? event : null);
            if (batcher.offer(trap)) {
                metrics.decoded();
            } else {
                metrics.dropped(TrapMetrics.Drop.QUEUE_FULL, 1);
            }
        } catch (RuntimeException e) {
            LOG.warn("a notification from {} could not be turned into JSON: {}", peer, e.toString());
            metrics.dropped(TrapMetrics.Drop.UNDECODABLE, 1);
        }
    }

    /** Counts every datagram before SNMP4J decodes it, so refusals inside its USM are part of "received". */
    private static final class CountingUdpTransport extends DefaultUdpTransportMapping {
        private final TrapMetrics metrics;

        CountingUdpTransport(UdpAddress address, TrapMetrics metrics) throws IOException {
            super(address, false);
            this.metrics = metrics;
        }

        void applyReceiveBuffer(int bytes) throws java.net.SocketException {
            if (socket != null) {
                socket.setReceiveBufferSize(bytes);
            }
        }

        int boundPort() {
            return socket == null ? -1 : socket.getLocalPort();
        }

        /** What the kernel granted (Linux reports twice the bytes asked, capped by net.core.rmem_max). */
        int kernelReceiveBuffer() {
            try {
                return socket == null ? -1 : socket.getReceiveBufferSize();
            } catch (java.net.SocketException e) {
                return -1;
            }
        }

        @Override
        protected void fireProcessMessage(DatagramPacket packet, ByteBuffer bis, TransportStateReference ref) {
            metrics.received();
            if (!oneWholeMessage(packet.getData(), packet.getOffset(), packet.getLength())) {
                metrics.dropped(TrapMetrics.Drop.UNDECODABLE, 1);
                return;
            }
            super.fireProcessMessage(packet, bis, ref);
        }
    }

    /**
     * Whether the datagram is one BER SEQUENCE of definite length, no byte more or less: SNMP4J reads a
     * message with bytes after it as if they were not there, and a cut one only as far as it fails.
     */
    static boolean oneWholeMessage(byte[] data, int offset, int length) {
        if (length < 2 || (data[offset] & 0xff) != 0x30) {
            return false;
        }
        int first = data[offset + 1] & 0xff;
        if (first < 0x80) {
            return 2 + first == length;
        }
        int octets = first & 0x7f; // 0: indefinite length, not allowed in SNMP
        if (octets == 0 || octets > 3 || length < 2 + octets) {
            return false;
        }
        long content = 0;
        for (int i = 0; i < octets; i++) {
            content = content << 8 | (data[offset + 2 + i] & 0xff);
        }
        return 2 + octets + content == length;
    }
}
