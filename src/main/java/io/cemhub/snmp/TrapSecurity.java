package io.cemhub.snmp;

import org.snmp4j.event.CounterEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who may send traps. v1/v2c: a community from the allow-list ({@code cem.snmp.traps.communities}),
 * compared in constant time. v3: a configured USM user at authPriv with SHA-256/384/512 and AES; weaker
 * protocols are not even known to the receiver's security stack, so a message using them fails to
 * authenticate. SNMP4J refuses v3 messages in its USM before the receiver sees them; the USM counters it
 * raises then are turned into drop reasons here ({@link #counterListener}).
 */
public class TrapSecurity {

    private static final Map<String, OID> AUTH = Map.of(
            "SHA-256", AuthHMAC192SHA256.ID, "SHA-384", AuthHMAC256SHA384.ID, "SHA-512", AuthHMAC384SHA512.ID);
    private static final Map<String, OID> PRIV = Map.of(
            "AES-128", PrivAES128.ID, "AES-192", PrivAES192.ID, "AES-256", PrivAES256.ID);

    private final List<byte[]> communities;
    private final List<SnmpProperties.UsmUserConfig> users;

    public TrapSecurity(SnmpProperties.Traps traps) {
        this.communities = traps.getCommunities().stream().filter(c -> c != null && !c.isEmpty())
                .map(c -> c.getBytes(StandardCharsets.UTF_8)).toList();
        this.users = List.copyOf(traps.getUsers());
        List<String> problems = new ArrayList<>();
        users.forEach(user -> problems.addAll(problems(user)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cem.snmp.traps.users: " + String.join("; ", problems));
        }
    }

    /** What is wrong with a user's settings (nothing weaker than SHA-256 and AES is allowed). */
    public static List<String> problems(SnmpProperties.UsmUserConfig user) {
        List<String> problems = new ArrayList<>();
        String name = user.getName() == null ? "(no name)" : user.getName();
        if (user.getName() == null || user.getName().isBlank()) {
            problems.add("a USM user has no name");
        }
        if (!AUTH.containsKey(user.getAuthProtocol())) {
            problems.add(name + ": authProtocol " + user.getAuthProtocol() + " refused (SHA-256, SHA-384 or SHA-512)");
        }
        if (!PRIV.containsKey(user.getPrivProtocol())) {
            problems.add(name + ": privProtocol " + user.getPrivProtocol() + " refused (AES-128, AES-192 or AES-256)");
        }
        if (length(user.getAuthPassphrase()) < 8 || length(user.getPrivPassphrase()) < 8) {
            problems.add(name + ": authPassphrase and privPassphrase need at least 8 characters");
        }
        return problems;
    }

    /** A USM user the stack localises on the fly: incoming for the receiver, outgoing for the poller. */
    public static UsmUser usmUser(SnmpProperties.UsmUserConfig user, UsmUser.LocalizationGrant grant) {
        return new UsmUser(new OctetString(user.getName()), AUTH.get(user.getAuthProtocol()),
                new OctetString(user.getAuthPassphrase()), PRIV.get(user.getPrivProtocol()),
                new OctetString(user.getPrivPassphrase()), grant);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** The only protocols the receiver knows. */
    public static SecurityProtocols protocols() {
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        protocols.removeAll();
        protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
        protocols.addAuthenticationProtocol(new AuthHMAC256SHA384());
        protocols.addAuthenticationProtocol(new AuthHMAC384SHA512());
        protocols.addPrivacyProtocol(new PrivAES128());
        protocols.addPrivacyProtocol(new PrivAES192());
        protocols.addPrivacyProtocol(new PrivAES256());
        return protocols;
    }

    /** Adds the configured users, localised on the fly for whichever engine sends (traps) or to us (INFORMs). */
    public void addUsers(USM usm) {
        users.forEach(user -> usm.addUser(usmUser(user, UsmUser.LocalizationGrant.incoming)));
    }

    public boolean communityAllowed(byte[] community) {
        boolean allowed = false;
        for (byte[] c : communities) {
            allowed |= MessageDigest.isEqual(c, community); // no early exit: no timing hint
        }
        return allowed;
    }

    /**
     * Counts SNMP4J's USM and parse refusals as drops (of the datagram being decoded: {@link TrapMetrics#decodeOne});
     * an engine-id discovery, a normal step of v3 INFORMs, as {@code engine-discovery}.
     */
    public static CounterSupport counterListener(TrapMetrics metrics) {
        CounterSupport counters = new CounterSupport();
        counters.addCounterListener((CounterEvent event) -> {
            TrapMetrics.Drop drop = dropOf(event.getOid());
            if (drop != null) {
                metrics.refusedBySnmp4j(drop, (int) Math.max(1, event.getIncrement()));
            }
        });
        return counters;
    }

    static TrapMetrics.Drop dropOf(OID counter) {
        if (SnmpConstants.usmStatsUnknownUserNames.equals(counter)) {
            return TrapMetrics.Drop.UNKNOWN_USER;
        } else if (SnmpConstants.usmStatsWrongDigests.equals(counter)) {
            return TrapMetrics.Drop.BAD_AUTH;
        } else if (SnmpConstants.usmStatsDecryptionErrors.equals(counter)) {
            return TrapMetrics.Drop.BAD_PRIVACY;
        } else if (SnmpConstants.usmStatsUnsupportedSecLevels.equals(counter)) {
            return TrapMetrics.Drop.INSECURE_LEVEL;
        } else if (SnmpConstants.usmStatsNotInTimeWindows.equals(counter)) {
            return TrapMetrics.Drop.NOT_IN_TIME_WINDOW;
        } else if (SnmpConstants.usmStatsUnknownEngineIDs.equals(counter)) {
            return TrapMetrics.Drop.ENGINE_DISCOVERY;
        } else if (SnmpConstants.snmpInASNParseErrs.equals(counter) || SnmpConstants.snmpInBadVersions.equals(counter)) {
            return TrapMetrics.Drop.UNDECODABLE;
        }
        return null;
    }
}
