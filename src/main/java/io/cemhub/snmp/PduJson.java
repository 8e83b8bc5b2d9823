package io.cemhub.snmp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

import java.time.Instant;

/**
 * The JSON form of a notification that the trap mapping (mappings/snmp-traps.jsonata) reads; documented
 * in adapters/snmp-traps/README.md. v1 traps get the SNMPv2 trap OID of RFC 3584 (generic trap n ->
 * 1.3.6.1.6.3.1.1.5.(n+1), enterprise-specific -> enterprise.0.specific), so one mapping serves all
 * versions. The community and the USM pass phrases never enter the document; the USM user name does.
 */
public final class PduJson {

    /** Where the notification came from and how it was secured, as the receiver saw it. */
    public record Origin(String peerAddress, int peerPort, String version, String securityName, Instant receivedAt) {
    }

    private static final OID GENERIC_TRAPS = new OID("1.3.6.1.6.3.1.1.5");

    private PduJson() {
    }

    public static ObjectNode of(PDU pdu, Origin origin, ObjectMapper mapper) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("receivedAt", origin.receivedAt().toString());
        doc.put("version", origin.version());
        doc.put("pduType", PDU.getTypeString(pdu.getType()));
        if (origin.securityName() != null) {
            doc.put("user", origin.securityName());
        }
        ObjectNode peer = doc.putObject("peer");
        peer.put("address", origin.peerAddress());
        peer.put("port", origin.peerPort());
        String agentAddress = origin.peerAddress();
        ArrayNode varbinds = mapper.createArrayNode();
        if (pdu instanceof PDUv1 v1) {
            agentAddress = v1.getAgentAddress().toString();
            doc.put("enterprise", v1.getEnterprise().toDottedString());
            doc.put("genericTrap", v1.getGenericTrap());
            doc.put("specificTrap", v1.getSpecificTrap());
            doc.put("sysUpTime", v1.getTimestamp());
            doc.put("trapOid", v1TrapOid(v1));
        } else {
            doc.put("requestId", pdu.getRequestID().toLong());
        }
        for (VariableBinding vb : pdu.getVariableBindings()) {
            // sysUpTime.0 and snmpTrapOID.0 of the syntax they must have (else they stay plain varbinds, and a
            // notification without a trap OID is refused by the mapping and kept in quarantine)
            if (!(pdu instanceof PDUv1) && SnmpConstants.sysUpTime.equals(vb.getOid())
                    && vb.getVariable() instanceof TimeTicks ticks && !doc.has("sysUpTime")) {
                doc.put("sysUpTime", ticks.toLong());
            } else if (!(pdu instanceof PDUv1) && SnmpConstants.snmpTrapOID.equals(vb.getOid())
                    && vb.getVariable() instanceof OID trapOid && !doc.has("trapOid")) {
                doc.put("trapOid", trapOid.toDottedString());
            } else {
                if (SnmpConstants.snmpTrapAddress.equals(vb.getOid()) && vb.getVariable() instanceof IpAddress) {
                    agentAddress = vb.getVariable().toString(); // a proxy forwarded it: the agent is named here
                }
                varbinds.add(varbind(vb, mapper));
            }
        }
        doc.put("agentAddress", agentAddress);
        doc.set("varbinds", varbinds);
        return doc;
    }

    static String v1TrapOid(PDUv1 v1) {
        if (v1.getGenericTrap() == PDUv1.ENTERPRISE_SPECIFIC) {
            OID oid = new OID(v1.getEnterprise());
            oid.append(0);
            oid.append(v1.getSpecificTrap());
            return oid.toDottedString();
        }
        OID oid = new OID(GENERIC_TRAPS);
        oid.append(v1.getGenericTrap() + 1);
        return oid.toDottedString();
    }

    private static ObjectNode varbind(VariableBinding vb, ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        Variable v = vb.getVariable();
        node.put("oid", vb.getOid().toDottedString());
        node.put("type", v.getSyntaxString());
        switch (v.getSyntax()) {
            case org.snmp4j.smi.SMIConstants.SYNTAX_INTEGER32:
            case org.snmp4j.smi.SMIConstants.SYNTAX_COUNTER32:
            case org.snmp4j.smi.SMIConstants.SYNTAX_GAUGE32:
            case org.snmp4j.smi.SMIConstants.SYNTAX_TIMETICKS:
                node.put("value", v.toLong());
                break;
            case org.snmp4j.smi.SMIConstants.SYNTAX_COUNTER64:
                // unsigned 64 bit: as a decimal string when it does not fit a signed long
                long raw = ((Counter64) v).getValue();
                if (raw >= 0) {
                    node.put("value", raw);
                } else {
                    node.put("value", Long.toUnsignedString(raw));
                }
                break;
            case org.snmp4j.smi.SMIConstants.SYNTAX_OCTET_STRING:
                octets(node, (OctetString) v);
                break;
            case org.snmp4j.smi.SMIConstants.SYNTAX_IPADDRESS:
                node.put("value", ((IpAddress) v).getInetAddress().getHostAddress());
                break;
            case org.snmp4j.smi.SMIConstants.SYNTAX_OBJECT_IDENTIFIER:
                node.put("value", ((OID) v).toDottedString());
                break;
            default:
                node.put("value", v.toString()); // Null, noSuchObject, ...: as SNMP4J names it
        }
        return node;
    }

    /** Text when the octets are printable, always the hex too (for binary values such as InetAddress). */
    private static void octets(ObjectNode node, OctetString s) {
        node.put("hex", s.toHexString().replace(":", ""));
        if (s.isPrintable()) {
            node.put("value", s.toString());
        } else {
            node.putNull("value");
        }
    }
}
