package io.cemhub.api;

import io.cemhub.support.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hub's own MBeans. Spring Boot switches JMX off in tests; the hub runs with it on (config/application.yaml), and so does this test. */
@TestPropertySource(properties = "spring.jmx.enabled=true")
class HubJmxTest extends HubTestSupport {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static String rule(String service, double raise, double clear) {
        return "{\"metric\":\"vpn.jitter\",\"scope\":{\"type\":\"service\",\"value\":\"" + service + "\"},"
                + "\"direction\":\"above\",\"levels\":{\"major\":{\"raise\":" + raise + ",\"clear\":" + clear + "}}}";
    }

    @Test
    void thresholdOperationsAreOnJmxForHawtio() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.cemhub:type=Thresholds");
        String ruleJson = "{\"id\":\"jmx-" + run + "\"," + rule("S-JMX", 10, 5).substring(1);
        String stored = (String) server.invoke(name, "putRule", new Object[] {ruleJson}, new String[] {"java.lang.String"});
        assertThat(stored).contains("\"version\":1");
        assertThat((String) server.invoke(name, "listRules", null, null)).contains("jmx-" + run);
        assertThatThrownBy(() -> server.invoke(name, "putRule", new Object[] {"{\"id\":\"x\",\"metric\":\"nope\"}"},
                new String[] {"java.lang.String"})).hasStackTraceContaining("KPI catalogue");
        assertThat((Boolean) server.invoke(name, "deleteRule", new Object[] {"jmx-" + run}, new String[] {"java.lang.String"}))
                .isTrue();
    }

    @Test
    void subscriberStatusesAreOnJmxForHawtio() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.cemhub:type=Subscriptions");
        assertThat((String) server.getAttribute(name, "Statuses")).contains("\"id\":\"noc-alarms\"");
        String status = (String) server.invoke(name, "status", new Object[] {"noc-alarms"}, new String[] {"java.lang.String"});
        assertThat(status).contains("\"channel\":\"jms\"").contains("\"pending\":");
        assertThat((Integer) server.invoke(name, "replayDeadLetters", new Object[] {"noc-alarms"},
                new String[] {"java.lang.String"})).isZero();
    }
}
