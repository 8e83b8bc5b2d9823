package io.cemhub.config;

import io.cemhub.broker.BrokerProperties;
import io.cemhub.snmp.TrapReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/** Prints, once the hub is ready, one line with every URL a newcomer needs. */
@Component
public class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final Environment env;
    private final BrokerProperties broker;
    private final HubProperties hub;
    private final ObjectProvider<TrapReceiver> traps;

    public StartupReport(Environment env, BrokerProperties broker, HubProperties hub, ObjectProvider<TrapReceiver> traps) {
        this.env = env;
        this.broker = broker;
        this.hub = hub;
        this.traps = traps;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        String http = "http://" + env.getProperty("server.address", "127.0.0.1") + ":"
                + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String brokerLine = broker.isEmbedded()
                ? "embedded Artemis " + broker.getAcceptor().replaceFirst("\\?.*", "") + " (CORE, AMQP, STOMP, MQTT)"
                : "external Artemis " + broker.connectionUrl();
        LOG.info("CEM Hub ready | API {}/api/v1 | OpenAPI {}/v3/api-docs | Swagger UI {}/swagger-ui.html"
                        + " | Hawtio {}/actuator/hawtio/ | health {}/actuator/health | metrics {}/actuator/prometheus"
                        + " | broker {} | SNMP traps {} | data {}", http, http, http, http, http, http,
                brokerLine, trapLine(), Path.of(hub.getDataDir()).toAbsolutePath().normalize());
    }

    private String trapLine() {
        TrapReceiver receiver = traps.getIfAvailable();
        return receiver == null ? "off" : "udp:" + env.getProperty("cem.snmp.traps.bind-address", "127.0.0.1") + ":"
                + receiver.port();
    }
}
