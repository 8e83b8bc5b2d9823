package io.cemhub.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.EventsTestSupport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The route snmp-poll against a real snmpd (its loopback interface, ifIndex 1), over v2c and v3 authPriv:
 * net.if.oper from the first poll, utilisation and error rate from the second on, all through the ingest
 * gateway to cem.events.
 */
class SnmpPollingTest extends EventsTestSupport {

    private static SnmpdAgent agent;
    private static Path targets;

    @Autowired
    CamelContext camel;

    @BeforeAll
    static void startAgent() throws Exception {
        assumeTrue(NetSnmpTools.installed(), NetSnmpTools.ABSENT);
        agent = SnmpdAgent.start();
        targets = agent.dir.resolve("snmp-targets.yaml");
        Files.writeString(targets, """
                targets:
                  - name: snmpd-v2c
                    address: 127.0.0.1
                    port: %d
                    version: v2c
                    community: ${CEM_TEST_SNMPD_COMMUNITY:%s}
                    interfaces:
                      - ifIndex: 1
                        service: poll-v2c-lo
                  - name: snmpd-v3
                    address: 127.0.0.1
                    port: %d
                    version: v3
                    user: %s
                    authProtocol: SHA-256
                    authPassphrase: %s
                    privProtocol: AES-128
                    privPassphrase: %s
                    interfaces:
                      - ifIndex: 1
                        service: poll-v3-lo
                  - name: nobody-home
                    address: 127.0.0.1
                    port: 9
                    version: v2c
                    community: x
                    interfaces:
                      - ifIndex: 1
                """.formatted(agent.port, SnmpdAgent.COMMUNITY, agent.port, SnmpdAgent.USER, SnmpdAgent.AUTH,
                SnmpdAgent.PRIV));
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @DynamicPropertySource
    static void pollTheAgent(DynamicPropertyRegistry registry) {
        registry.add("cem.snmp.polling.targets-file", () -> targets.toString());
        registry.add("cem.snmp.polling.interval", () -> "1s");
        registry.add("cem.snmp.polling.timeout", () -> "500ms");
        registry.add("cem.snmp.polling.retries", () -> "0");
    }

    private List<JsonNode> measurements(String service, String metric) {
        return events.events(e -> {
            JsonNode m = e.path("event").path("measurement");
            return metric.equals(m.path("metric").asText())
                    && service.equals(m.path("characteristics").path("externalServiceId").asText(m.path("serviceId").asText()));
        });
    }

    @Test
    void pollsIfMibOverV2cAndV3AndEmitsStateUtilisationAndErrorRate() throws Exception {
        assertThat(camel.getRoute(SnmpPollRoute.ROUTE_ID)).as("the polling route by its stable id").isNotNull();
        for (String service : List.of("poll-v2c-lo", "poll-v3-lo")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(agent.alive()).as("snmpd runs; its log: " + agent.log()).isTrue();
                assertThat(measurements(service, "net.if.util.in")).isNotEmpty();
                assertThat(measurements(service, "net.if.util.out")).isNotEmpty();
                assertThat(measurements(service, "net.if.errors")).isNotEmpty();
            });
            JsonNode oper = measurements(service, "net.if.oper").get(0).path("event").path("measurement");
            assertThat(oper.path("value").asDouble()).as("lo is up").isEqualTo(1.0);
            assertThat(oper.path("characteristics").path("device").asText()).isEqualTo("127.0.0.1");
            assertThat(oper.path("characteristics").path("ifIndex").asInt()).isEqualTo(1);
            for (String metric : List.of("net.if.util.in", "net.if.util.out")) {
                double util = measurements(service, metric).get(0).path("event").path("measurement").path("value").asDouble();
                assertThat(util).as(metric).isBetween(0.0, 100.0);
            }
            assertThat(measurements(service, "net.if.errors").get(0).path("event").path("measurement")
                    .path("value").asDouble()).isGreaterThanOrEqualTo(0.0);
        }
        // a target that never answers is counted, and does not hold back the others
        assertThat(meters.counter("cem.snmp.poll.failures", "target", "nobody-home").count()).isPositive();
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
}
