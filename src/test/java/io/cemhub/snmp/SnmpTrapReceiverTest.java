package io.cemhub.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real traps from net-snmp's snmptrap/snmpinform into the hub's receiver: accepted ones become canonical
 * records on cem.events (and raise or clear the link-down alarm); refused ones are counted by reason and
 * reach nothing.
 */
@TestPropertySource(properties = {
        "cem.snmp.traps.communities[0]=cem-test",
        "cem.snmp.traps.users[0].name=cem-test-user",
        "cem.snmp.traps.users[0].auth-protocol=SHA-256",
        "cem.snmp.traps.users[0].auth-passphrase=auth-secret-1",
        "cem.snmp.traps.users[0].priv-protocol=AES-128",
        "cem.snmp.traps.users[0].priv-passphrase=priv-secret-1"})
class SnmpTrapReceiverTest extends EventsTestSupport {

    private static final String LINK_DOWN = "1.3.6.1.6.3.1.1.5.3";
    private static final String LINK_UP = "1.3.6.1.6.3.1.1.5.4";
    private static final String TRAP_ADDRESS = "1.3.6.1.6.3.18.1.3.0";
    private static final String V3_AUTH_PRIV = "-v 3 -l authPriv -a SHA-256 -x AES";

    @Autowired
    TrapReceiver receiver;
    @Autowired
    TrapMetrics metrics;
    @Autowired
    RegistryService registry;

    /** A device address and interface of this test alone (the hub is shared by the test methods). */
    private final String device = "10.77." + ThreadLocalRandom.current().nextInt(1, 255) + "."
            + ThreadLocalRandom.current().nextInt(1, 255);
    private final int ifIndex = ThreadLocalRandom.current().nextInt(100, 100_000);

    @BeforeEach
    void tools() {
        assumeTrue(NetSnmpTools.installed(), NetSnmpTools.ABSENT);
    }

    private String at() {
        return "127.0.0.1:" + receiver.port();
    }

    /** The record events of one service, each record once (an INFORM sent again maps to the same record). */
    private List<JsonNode> recordsOf(String service) {
        Map<String, JsonNode> byRecord = new java.util.LinkedHashMap<>();
        for (JsonNode e : events.events(e -> e.path("event").path("measurement").path("characteristics")
                .path("externalServiceId").asText(e.path("event").path("measurement").path("serviceId").asText())
                .equals(service))) {
            byRecord.putIfAbsent(e.path("correlationId").asText(), e);
        }
        return List.copyOf(byRecord.values());
    }

    private String[] ifVarbinds(int operStatus) {
        return new String[] {"1.3.6.1.2.1.2.2.1.1." + ifIndex, "i", String.valueOf(ifIndex),
                "1.3.6.1.2.1.2.2.1.8." + ifIndex, "i", String.valueOf(operStatus), TRAP_ADDRESS, "a", device};
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String[] command(String line, String... varbinds) {
        List<String> words = new java.util.ArrayList<>(List.of(line.split(" ")));
        words.addAll(List.of(varbinds));
        return words.toArray(String[]::new);
    }

    @Test
    void v2cLinkDownAndV1LinkUpRaiseAndClearTheLinkDownAlarmOfTheServiceBehindTheInterface() throws Exception {
        String customer = "C-SNMP-" + run;
        String service = "S-SNMP-" + run;
        registry.putCustomer(new Customer(customer, "SNMP test", "business", "silver", "active", Map.of()));
        registry.putService(new Service(service, customer, "vpn", Map.of(),
                Map.of("snmp", List.of(device + "/" + ifIndex))));

        NetSnmpTools.Result down = NetSnmpTools.run(command("snmptrap -v 2c -c cem-test " + at() + " '' " + LINK_DOWN,
                ifVarbinds(2)));
        assertThat(down.exit()).as(down.output()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(device + "/" + ifIndex).size() == 1);
        JsonNode downEvent = recordsOf(device + "/" + ifIndex).get(0);
        JsonNode m = downEvent.path("event").path("measurement");
        assertThat(m.path("serviceId").asText()).isEqualTo(service);
        assertThat(m.path("metric").asText()).isEqualTo("net.if.oper");
        assertThat(m.path("value").asDouble()).isZero();
        assertThat(m.path("characteristics").path("trap").asText()).isEqualTo("linkDown");
        assertThat(m.path("characteristics").path("snmpVersion").asText()).isEqualTo("v2c");
        String downId = m.path("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.causedBy(downId).size() == 1);
        JsonNode raised = events.causedBy(downId).get(0);
        assertThat(raised.path("eventType").asText()).isEqualTo("AlarmCreateEvent");
        assertThat(raised.path("event").path("alarm").path("alarmedObject").asText()).isEqualTo(service);
        assertThat(raised.path("event").path("alarm").path("ruleId").asText()).isEqualTo("net-if-down");

        // v1: enterprise, agent address, generic trap 3 (linkUp), specific 0, uptime, varbinds
        NetSnmpTools.Result up = NetSnmpTools.run(command("snmptrap -v 1 -c cem-test " + at()
                + " 1.3.6.1.4.1.8072.3.2.10 " + device + " 3 0 ''", "1.3.6.1.2.1.2.2.1.1." + ifIndex, "i",
                String.valueOf(ifIndex), "1.3.6.1.2.1.2.2.1.8." + ifIndex, "i", "1"));
        assertThat(up.exit()).as(up.output()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(device + "/" + ifIndex).size() == 2);
        JsonNode upRecord = recordsOf(device + "/" + ifIndex).get(1).path("event").path("measurement");
        assertThat(upRecord.path("characteristics").path("trap").asText()).isEqualTo("linkUp");
        assertThat(upRecord.path("characteristics").path("snmpVersion").asText()).isEqualTo("v1");
        assertThat(upRecord.path("value").asDouble()).isEqualTo(1.0);
        String upId = upRecord.path("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.causedBy(upId).size() == 1);
        JsonNode cleared = events.causedBy(upId).get(0);
        assertThat(cleared.path("eventType").asText()).isEqualTo("AlarmStateChangeEvent");
        assertThat(cleared.path("event").path("alarm").path("perceivedSeverity").asText()).isEqualTo("cleared");
    }

    @Test
    void v3AuthPrivTrapsAndInformsOfAConfiguredUserAreAcceptedAndTheInformIsAnswered() throws Exception {
        double answered = metrics.count("informs.acknowledged");
        NetSnmpTools.Result trap = NetSnmpTools.run(command("snmptrap " + V3_AUTH_PRIV
                + " -u cem-test-user -A auth-secret-1 -X priv-secret-1 -e 0x80001f8880aabbccdd " + at() + " '' "
                + LINK_DOWN, ifVarbinds(2)));
        assertThat(trap.exit()).as(trap.output()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(device + "/" + ifIndex).size() == 1);
        assertThat(recordsOf(device + "/" + ifIndex).get(0).path("event").path("measurement")
                .path("characteristics").path("snmpVersion").asText()).isEqualTo("v3");

        // snmpinform waits for the answer: exit 0 means the hub acknowledged it (after making it durable);
        // it first asks the hub's engine id (a datagram without a trap: answered with a Report, counted)
        double discoveries = metrics.dropped(TrapMetrics.Drop.ENGINE_DISCOVERY);
        NetSnmpTools.Result inform = NetSnmpTools.run(command("snmpinform " + V3_AUTH_PRIV
                + " -u cem-test-user -A auth-secret-1 -X priv-secret-1 -t 10 -r 1 " + at() + " '' " + LINK_UP,
                ifVarbinds(1)));
        assertThat(inform.exit()).as(inform.output()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(device + "/" + ifIndex).size() == 2);
        assertThat(metrics.count("informs.acknowledged")).isGreaterThan(answered);
        assertThat(metrics.dropped(TrapMetrics.Drop.ENGINE_DISCOVERY)).isGreaterThan(discoveries);

        NetSnmpTools.Result v2inform = NetSnmpTools.run(command("snmpinform -v 2c -c cem-test -t 10 -r 1 " + at()
                + " '' " + LINK_DOWN, ifVarbinds(2)));
        assertThat(v2inform.exit()).as(v2inform.output()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(device + "/" + ifIndex).size() == 3);
    }

    @Test
    void aWrongCommunityAWrongKeyAnUnknownUserAndAnUnauthenticatedV3TrapAreDroppedAndCountedByReason() throws Exception {
        double badCommunity = metrics.dropped(TrapMetrics.Drop.BAD_COMMUNITY);
        double badAuth = metrics.dropped(TrapMetrics.Drop.BAD_AUTH);
        double unknownUser = metrics.dropped(TrapMetrics.Drop.UNKNOWN_USER);
        double insecure = metrics.dropped(TrapMetrics.Drop.INSECURE_LEVEL);
        double received = metrics.count("received");

        assertThat(NetSnmpTools.run(command("snmptrap -v 2c -c public " + at() + " '' " + LINK_DOWN,
                ifVarbinds(2))).exit()).isZero();
        assertThat(NetSnmpTools.run(command("snmptrap -v 1 -c private " + at() + " 1.3.6.1.4.1.8072.3.2.10 "
                + device + " 2 0 ''", "1.3.6.1.2.1.2.2.1.1." + ifIndex, "i", String.valueOf(ifIndex))).exit()).isZero();
        assertThat(NetSnmpTools.run(command("snmptrap " + V3_AUTH_PRIV
                + " -u cem-test-user -A wrong-secret-1 -X priv-secret-1 -e 0x80001f8880aabbccee " + at() + " '' "
                + LINK_DOWN, ifVarbinds(2))).exit()).isZero();
        assertThat(NetSnmpTools.run(command("snmptrap " + V3_AUTH_PRIV
                + " -u intruder -A auth-secret-1 -X priv-secret-1 -e 0x80001f8880aabbccff " + at() + " '' "
                + LINK_DOWN, ifVarbinds(2))).exit()).isZero();
        assertThat(NetSnmpTools.run(command("snmptrap -v 3 -l noAuthNoPriv -u cem-test-user -e 0x80001f8880aabbcc11 "
                + at() + " '' " + LINK_DOWN, ifVarbinds(2))).exit()).isZero();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metrics.dropped(TrapMetrics.Drop.BAD_COMMUNITY)).isEqualTo(badCommunity + 2);
            assertThat(metrics.dropped(TrapMetrics.Drop.BAD_AUTH)).isEqualTo(badAuth + 1);
            assertThat(metrics.dropped(TrapMetrics.Drop.UNKNOWN_USER)).isEqualTo(unknownUser + 1);
            assertThat(metrics.dropped(TrapMetrics.Drop.INSECURE_LEVEL)).isEqualTo(insecure + 1);
            assertThat(metrics.count("received")).isGreaterThanOrEqualTo(received + 5);
        });
        // a trap that is accepted afterwards arrives; none of the refused ones did before it
        assertThat(NetSnmpTools.run(command("snmptrap -v 2c -c cem-test " + at() + " '' " + LINK_UP,
                ifVarbinds(1))).exit()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> !recordsOf(device + "/" + ifIndex).isEmpty());
        assertThat(recordsOf(device + "/" + ifIndex)).singleElement()
                .satisfies(e -> assertThat(e.path("event").path("measurement").path("characteristics").path("trap")
                        .asText()).isEqualTo("linkUp"));
    }

    @Test
    void aTrapWithNoMappingIsKeptInQuarantineAndCounted() throws Exception {
        double unknown = metrics.count("unknown");
        String marker = "unmapped-" + run;
        assertThat(NetSnmpTools.run(command("snmptrap -v 2c -c cem-test " + at() + " '' 1.3.6.1.4.1.8072.2.3.0.1",
                "1.3.6.1.4.1.8072.2.3.2.1", "s", marker)).exit()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> metrics.count("unknown") == unknown + 1);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                http().get("/api/v1/quarantine?adapter=snmp-traps&limit=1000").raw().body().contains(marker));
        JsonNode entries = TestRecords.JSON.readTree(http().get("/api/v1/quarantine?adapter=snmp-traps&limit=1000").raw().body());
        JsonNode entry = null;
        for (JsonNode e : entries) {
            if (e.toString().contains(marker)) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.toString()).contains("unknown trap OID 1.3.6.1.4.1.8072.2.3.0.1");
    }
}
