package io.cemhub.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Gives every test application context its own data directory, in-VM broker id, acceptor port and trap
 * port: two
 * hubs in one JVM must never share a journal (the second would wait for its lock) or a broker.
 */
public class FreshHubInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            String dataDir = Files.createTempDirectory("cem-it-").toString();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fresh-hub", Map.of(
                    "cem.data-dir", dataDir,
                    "cem.broker.in-vm-id", FreePorts.nextInVmId(),
                    "cem.broker.acceptor", "tcp://127.0.0.1:" + FreePorts.next() + "?protocols=CORE,AMQP,STOMP,MQTT",
                    // the trap receiver on a free UDP port of its own (./config/application.yaml says 1162)
                    "cem.snmp.traps.port", "0")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
