package io.cemhub.config;

import io.cemhub.broker.BrokerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    public StartupReport(Environment env, BrokerProperties broker, HubProperties hub) {
        this.env = env;
        this.broker = broker;
        this.hub = hub;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        String http = "http://" + env.getProperty("server.address", "127.0.0.1") + ":"
                + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String brokerLine = broker.isEmbedded()
                ? "embedded Artemis " + broker.getAcceptor().replaceFirst("\\?.*", "") + " (CORE, AMQP, STOMP, MQTT)"
                : "external Artemis " + broker.connectionUrl();
        LOG.info("CEM Hub ready | API {}/api/v1 | OpenAPI {}/v3/api-docs | Swagger UI {}/swagger-ui.html"
                        + " | health {}/actuator/health | broker {} | data {}", http, http, http, http, brokerLine,
                Path.of(hub.getDataDir()).toAbsolutePath().normalize());
    }
}
