package io.cemhub.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.UserTarget;
import org.snmp4j.asn1.BER;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The datagrams of the SNMP corpus, made with SNMP4J's own classes: a {@code message} (version, community
 * or v3 user, PDU type, trap OID, varbinds) encoded as SNMP4J encodes it, then made bad by {@code then}
 * (bytes cut, kept, appended, replaced). v1 and v2c messages are put together from their BER parts here
 * ({@code wireVersion} writes any version number); v3 messages are sent by an SNMP4J stack of their own to
 * a local socket and taken from there, so they are what SNMP4J sends, authenticated and encrypted.
 * See src/test/resources/bad-input/snmp/cases.yaml for the fields.
 */
final class SnmpMessages {

    /** The varbind types, as net-snmp's snmptrap names them. */
    private static final String TYPES = "i u c C t s x o a n";

    private SnmpMessages() {
    }

    static byte[] of(Corpus corpus, Corpus.Case c, String marker) {
        JsonNode spec = c.spec();
        byte[] bytes;
        if (spec.has("message")) {
            JsonNode message = spec.path("message");
            JsonNode base = message.has("base") ? corpus.bases().path(message.path("base").asText()) : null;
            if (message.has("base") && (base == null || base.isMissingNode())) {
                throw new IllegalStateException(c + ": no base " + message.path("base").asText());
            }
            bytes = encode(merged(base, message), marker);
        } else {
            bytes = Inputs.of(corpus, c, marker);
        }
        return then(c, bytes, spec.path("then"));
    }

    /** The base's fields, with the message's own over them. */
    private static JsonNode merged(JsonNode base, JsonNode message) {
        com.fasterxml.jackson.databind.node.ObjectNode all = Corpus.YAML.createObjectNode();
        if (base != null) {
            all.setAll((com.fasterxml.jackson.databind.node.ObjectNode) base.deepCopy());
        }
        all.setAll((com.fasterxml.jackson.databind.node.ObjectNode) message.deepCopy());
        all.remove("base");
        return all;
    }

    static byte[] encode(JsonNode m, String marker) {
        String version = m.path("version").asText("v2c");
        return switch (version) {
            case "v1" -> community(m, v1Pdu(m, marker), 0);
            case "v2c" -> community(m, pdu(new PDU(), m, marker), 1);
            case "v3" -> v3(m, marker);
            default -> throw new IllegalStateException("version " + version);
        };
    }

    /** SEQUENCE { version, community, PDU }, as MPv1 / MPv2c write it. */
    private static byte[] community(JsonNode m, PDU pdu, int version) {
        try {
            Integer32 v = new Integer32(m.path("wireVersion").asInt(version));
            OctetString community = new OctetString(m.path("community").asText(BadInputCorpusTest.COMMUNITY));
            int length = v.getBERLength() + community.getBERLength() + pdu.getBERLength();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BER.encodeHeader(out, BER.SEQUENCE, length);
            v.encodeBER(out);
            community.encodeBER(out);
            pdu.encodeBER(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDU v1Pdu(JsonNode m, String marker) {
        PDUv1 pdu = new PDUv1();
        pdu.setType(type(m.path("pdu").asText("V1TRAP")));
        if (pdu.getType() == PDU.V1TRAP) {
            pdu.setEnterprise(new OID(m.path("enterprise").asText("1.3.6.1.4.1.8072.3.2.10")));
            pdu.setAgentAddress(new IpAddress(m.path("agentAddress").asText("127.0.0.1")));
            pdu.setGenericTrap(m.path("genericTrap").asInt(2));
            pdu.setSpecificTrap(m.path("specificTrap").asInt(0));
            pdu.setTimestamp(m.path("timestamp").asLong(12345));
        } else {
            pdu.setRequestID(new Integer32(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE)));
        }
        varbinds(pdu, m.path("varbinds"), marker);
        return pdu;
    }

    /** A v2c / v3 PDU: sysUpTime.0 and snmpTrapOID.0 first (unless {@code none}), then the varbinds. */
    private static PDU pdu(PDU pdu, JsonNode m, String marker) {
        pdu.setType(type(m.path("pdu").asText("TRAP")));
        pdu.setRequestID(new Integer32(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE)));
        if (pdu.getType() == PDU.TRAP || pdu.getType() == PDU.INFORM) {
            if (!"none".equals(m.path("sysUpTime").asText())) {
                pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(m.path("sysUpTime").asLong(4242))));
            }
            String trapOid = m.path("trapOid").asText("1.3.6.1.6.3.1.1.5.3");
            if (!"none".equals(trapOid)) {
                pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, new OID(trapOid)));
            }
        }
        varbinds(pdu, m.path("varbinds"), marker);
        if (pdu.getType() == PDU.GETBULK) {
            pdu.setMaxRepetitions(10);
        }
        return pdu;
    }

    private static int type(String name) {
        return switch (name) {
            case "TRAP" -> PDU.TRAP;
            case "INFORM" -> PDU.INFORM;
            case "V1TRAP" -> PDU.V1TRAP;
            case "GET" -> PDU.GET;
            case "GETNEXT" -> PDU.GETNEXT;
            case "GETBULK" -> PDU.GETBULK;
            case "SET" -> PDU.SET;
            case "RESPONSE" -> PDU.RESPONSE;
            case "REPORT" -> PDU.REPORT;
            default -> throw new IllegalStateException("PDU type " + name);
        };
    }

    /**
     * Varbinds: {@code [oid, type, value]} (types as snmptrap's: i u c C t s x o a n; {@code ${marker}} in
     * a text), or {@code {oid, type, value, repeat: n}} (the text n times), or {@code {copies: n, oid, type,
     * value}} (n varbinds, the OID's last sub-id counting up from 1).
     */
    private static void varbinds(PDU pdu, JsonNode varbinds, String marker) {
        for (JsonNode vb : varbinds) {
            if (vb.isArray()) {
                pdu.add(new VariableBinding(new OID(vb.get(0).asText()),
                        value(vb.get(1).asText(), Inputs.fill(vb.get(2).asText(), marker))));
            } else if (vb.has("copies")) {
                for (int i = 1; i <= vb.path("copies").asInt(); i++) {
                    pdu.add(new VariableBinding(new OID(vb.path("oid").asText() + "." + i),
                            value(vb.path("type").asText(), Inputs.fill(vb.path("value").asText(), marker))));
                }
            } else {
                String text = Inputs.fill(vb.path("value").asText(), marker).repeat(vb.path("repeat").asInt(1));
                pdu.add(new VariableBinding(new OID(vb.path("oid").asText()), value(vb.path("type").asText(), text)));
            }
        }
    }

    private static Variable value(String type, String text) {
        return switch (type) {
            case "i" -> new Integer32(Integer.parseInt(text));
            case "u" -> new Gauge32(Long.parseLong(text));
            case "c" -> new Counter32(Long.parseLong(text));
            case "C" -> new Counter64(Long.parseUnsignedLong(text));
            case "t" -> new TimeTicks(Long.parseLong(text));
            case "s" -> new OctetString(text.getBytes(StandardCharsets.UTF_8));
            case "x" -> new OctetString(HexFormat.of().parseHex(text));
            case "o" -> new OID(text);
            case "a" -> new IpAddress(text);
            case "n" -> new Null();
            default -> throw new IllegalStateException("varbind type " + type + " (one of " + TYPES + ")");
        };
    }

    /**
     * A v3 message of the user {@code user} ({@code name}, {@code auth} / {@code authPass}, {@code priv} /
     * {@code privPass}, {@code level}), as an SNMP4J stack of its own (an engine id of its own, every
     * protocol SNMP4J knows) sends it: to a local socket, which takes it.
     */
    private static byte[] v3(JsonNode m, String marker) {
        JsonNode user = m.path("user");
        String level = user.path("level").asText("authPriv");
        OctetString name = new OctetString(Inputs.fill(user.path("name").asText("cem-bad-input"), marker));
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        protocols.addDefaultProtocols();
        protocols.addAuthenticationProtocol(new AuthMD5());
        protocols.addAuthenticationProtocol(new AuthSHA());
        protocols.addPrivacyProtocol(new PrivDES());
        byte[] id = new byte[8];
        ThreadLocalRandom.current().nextBytes(id);
        OctetString engineId = new OctetString(MPv3.createLocalEngineID(new OctetString(id)));
        USM usm = new USM(protocols, engineId, 1);
        OID auth = level.equals("noAuthNoPriv") ? null : authProtocol(user.path("auth").asText("SHA-256"));
        OID priv = !level.equals("authPriv") ? null : privProtocol(user.path("priv").asText("AES-128"));
        usm.addUser(name, new UsmUser(name, auth, auth == null ? null : new OctetString(user.path("authPass")
                .asText("bad-input-auth-1")), priv, priv == null ? null : new OctetString(user.path("privPass")
                .asText("bad-input-priv-1"))));
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv3(engineId.getValue(), new DefaultPDUFactory(), protocols,
                new SecurityModels().addSecurityModel(usm), new CounterSupport()));
        try (DatagramSocket capture = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             Snmp snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), 0)))) {
            capture.setSoTimeout(10_000);
            UserTarget<UdpAddress> target = new UserTarget<>(new UdpAddress(InetAddress.getLoopbackAddress(),
                    capture.getLocalPort()), name, engineId.getValue(), securityLevel(level));
            ScopedPDU pdu = (ScopedPDU) pdu(new ScopedPDU(), m, marker);
            snmp.send(pdu, target);
            byte[] buffer = new byte[65_536];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            capture.receive(packet);
            return Arrays.copyOf(packet.getData(), packet.getLength());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int securityLevel(String level) {
        return switch (level) {
            case "noAuthNoPriv" -> SecurityLevel.NOAUTH_NOPRIV;
            case "authNoPriv" -> SecurityLevel.AUTH_NOPRIV;
            case "authPriv" -> SecurityLevel.AUTH_PRIV;
            default -> throw new IllegalStateException("level " + level);
        };
    }

    private static OID authProtocol(String name) {
        return switch (name) {
            case "MD5" -> AuthMD5.ID;
            case "SHA" -> AuthSHA.ID;
            case "SHA-256" -> AuthHMAC192SHA256.ID;
            case "SHA-512" -> AuthHMAC384SHA512.ID;
            default -> throw new IllegalStateException("auth " + name);
        };
    }

    private static OID privProtocol(String name) {
        return switch (name) {
            case "DES" -> PrivDES.ID;
            case "AES-128" -> PrivAES128.ID;
            default -> throw new IllegalStateException("priv " + name);
        };
    }

    /**
     * The bytes made bad: {@code cut} (the last n bytes dropped), {@code keep} (the first n kept),
     * {@code append} (hex), {@code replace} ({@code [from, to]}, hex: the first occurrence, which must exist),
     * {@code twice} (the message two times).
     */
    static byte[] then(Corpus.Case c, byte[] bytes, JsonNode then) {
        byte[] out = bytes;
        for (Map.Entry<String, JsonNode> step : (Iterable<Map.Entry<String, JsonNode>>) then::fields) {
            JsonNode v = step.getValue();
            out = switch (step.getKey()) {
                case "cut" -> Arrays.copyOf(out, out.length - v.asInt());
                case "keep" -> Arrays.copyOf(out, v.asInt());
                case "append" -> concat(out, hex(v.asText()));
                case "twice" -> concat(out, out);
                case "replace" -> replace(c, out, hex(v.get(0).asText()), hex(v.get(1).asText()));
                default -> throw new IllegalStateException(c + ": then " + step.getKey());
            };
        }
        return out;
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] replace(Corpus.Case c, byte[] bytes, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                byte[] out = new byte[bytes.length - from.length + to.length];
                System.arraycopy(bytes, 0, out, 0, i);
                System.arraycopy(to, 0, out, i, to.length);
                System.arraycopy(bytes, i + from.length, out, i + to.length, bytes.length - i - from.length);
                return out;
            }
        }
        throw new IllegalStateException(c + ": no " + HexFormat.of().formatHex(from) + " in the message to replace");
    }
}
