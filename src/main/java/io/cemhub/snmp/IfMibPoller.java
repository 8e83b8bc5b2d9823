package io.cemhub.snmp;

import org.snmp4j.AbstractTarget;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.GenericAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks one agent for IF-MIB ifHCInOctets, ifHCOutOctets, ifInErrors, ifOperStatus and ifHighSpeed of its
 * configured interfaces (with sysUpTime.0 in each request), a few interfaces per GET.
 */
public class IfMibPoller implements AutoCloseable {

    static final OID IF_HC_IN_OCTETS = new OID("1.3.6.1.2.1.31.1.1.1.6");
    static final OID IF_HC_OUT_OCTETS = new OID("1.3.6.1.2.1.31.1.1.1.10");
    static final OID IF_IN_ERRORS = new OID("1.3.6.1.2.1.2.2.1.14");
    static final OID IF_OPER_STATUS = new OID("1.3.6.1.2.1.2.2.1.8");
    static final OID IF_HIGH_SPEED = new OID("1.3.6.1.2.1.31.1.1.1.15");
    private static final OID[] COLUMNS = {IF_HC_IN_OCTETS, IF_HC_OUT_OCTETS, IF_IN_ERRORS, IF_OPER_STATUS, IF_HIGH_SPEED};
    private static final int INTERFACES_PER_REQUEST = 10;

    private final Snmp snmp;
    private final USM usm;
    private final Duration timeout;
    private final int retries;
    private final Clock clock;
    private final java.util.Set<String> users = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public IfMibPoller(Duration timeout, int retries, Clock clock) throws IOException {
        this.timeout = timeout;
        this.retries = retries;
        this.clock = clock;
        this.snmp = new Snmp(new DefaultUdpTransportMapping());
        OctetString engineId = new OctetString(MPv3.createLocalEngineID());
        this.usm = new USM(TrapSecurity.protocols(), engineId, 0);
        MPv3 mpv3 = (MPv3) snmp.getMessageDispatcher().getMessageProcessingModel(org.snmp4j.mp.MessageProcessingModel.MPv3);
        mpv3.setLocalEngineID(engineId.getValue());
        mpv3.setSecurityModels(new SecurityModels().addSecurityModel(usm));
        mpv3.setSecurityProtocols(TrapSecurity.protocols());
        snmp.listen();
    }

    /** The interfaces' samples by ifIndex; throws when the agent does not answer or answers an error. */
    public Map<Integer, InterfaceSample> poll(SnmpTargets.Target target) throws IOException {
        AbstractTarget<UdpAddress> address = targetOf(target);
        Map<Integer, InterfaceSample> samples = new LinkedHashMap<>();
        List<SnmpTargets.Interface> all = target.interfaces();
        for (int from = 0; from < all.size(); from += INTERFACES_PER_REQUEST) {
            List<SnmpTargets.Interface> chunk = all.subList(from, Math.min(all.size(), from + INTERFACES_PER_REQUEST));
            PDU request = "v3".equals(target.version()) ? new ScopedPDU() : new PDU();
            request.setType(PDU.GET);
            request.add(new VariableBinding(SnmpConstants.sysUpTime));
            for (SnmpTargets.Interface i : chunk) {
                for (OID column : COLUMNS) {
                    request.add(new VariableBinding(new OID(column).append(i.ifIndex())));
                }
            }
            ResponseEvent<UdpAddress> answer = snmp.send(request, address);
            PDU response = answer.getResponse();
            if (response == null) {
                throw new IOException("no answer from " + target.name() + " within " + timeout.toMillis() + " ms x "
                        + (retries + 1));
            }
            if (response.getType() == PDU.REPORT) { // v3: the agent refused us (unknown user, wrong key, ...)
                throw new IOException(target.name() + " refused the request: " + (response.size() > 0
                        ? response.get(0).getOid().toDottedString() : "report"));
            }
            if (response.getErrorStatus() != PDU.noError) {
                throw new IOException(target.name() + " answered " + response.getErrorStatusText() + " at varbind "
                        + response.getErrorIndex());
            }
            samples.putAll(samplesOf(response, chunk));
        }
        return samples;
    }

    private Map<Integer, InterfaceSample> samplesOf(PDU response, List<SnmpTargets.Interface> chunk) throws IOException {
        List<? extends VariableBinding> vbs = response.getVariableBindings();
        long upTime = vbs.get(0).getVariable().toLong();
        Map<Integer, InterfaceSample> samples = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            int base = 1 + i * COLUMNS.length;
            int ifIndex = chunk.get(i).ifIndex();
            samples.put(ifIndex, new InterfaceSample(clock.instant(), upTime, number(vbs.get(base), ifIndex),
                    number(vbs.get(base + 1), ifIndex), number(vbs.get(base + 2), ifIndex),
                    (int) number(vbs.get(base + 3), ifIndex), number(vbs.get(base + 4), ifIndex)));
        }
        return samples;
    }

    private static long number(VariableBinding vb, int ifIndex) throws IOException {
        Variable v = vb.getVariable();
        if (v.isException()) {
            throw new IOException("ifIndex " + ifIndex + ": " + vb.getOid() + " is " + v);
        }
        return v instanceof org.snmp4j.smi.Counter64 c ? c.getValue() : v.toLong();
    }

    private AbstractTarget<UdpAddress> targetOf(SnmpTargets.Target t) {
        UdpAddress address = (UdpAddress) GenericAddress.parse("udp:" + t.address() + "/" + t.port());
        AbstractTarget<UdpAddress> target;
        if ("v3".equals(t.version())) {
            OctetString user = new OctetString(t.user());
            SnmpProperties.UsmUserConfig config = new SnmpProperties.UsmUserConfig();
            config.setName(t.user());
            config.setAuthProtocol(t.authProtocol() == null ? "SHA-256" : t.authProtocol());
            config.setAuthPassphrase(t.authPassphrase());
            config.setPrivProtocol(t.privProtocol() == null ? "AES-128" : t.privProtocol());
            config.setPrivPassphrase(t.privPassphrase());
            if (users.add(t.user())) {
                List<String> problems = TrapSecurity.problems(config); // same rules as for traps
                if (!problems.isEmpty()) {
                    users.remove(t.user());
                    throw new IllegalStateException(t.name() + ": " + String.join("; ", problems));
                }
                usm.addUser(TrapSecurity.usmUser(config, UsmUser.LocalizationGrant.outgoing));
            }
            UserTarget<UdpAddress> ut = new UserTarget<>();
            ut.setSecurityLevel(SecurityLevel.AUTH_PRIV);
            ut.setSecurityName(user);
            target = ut;
            target.setVersion(SnmpConstants.version3);
        } else {
            CommunityTarget<UdpAddress> ct = new CommunityTarget<>();
            ct.setCommunity(new OctetString(t.community()));
            target = ct;
            target.setVersion(SnmpConstants.version2c);
        }
        target.setAddress(address);
        target.setTimeout(timeout.toMillis());
        target.setRetries(retries);
        return target;
    }

    @Override
    public void close() throws IOException {
        snmp.close();
    }
}
