package io.cemhub.support;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A whole hub for integration tests: embedded broker and H2 in a fresh temporary directory, HTTP on a
 * random port, the broker's TCP acceptor on a free port. Subclasses share one running hub (Spring's
 * context cache), so every test uses ids of its own.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HubTestSupport {

    protected static final Path DATA_DIR;
    protected static final int BROKER_PORT = FreePorts.next();
    protected static final int IN_VM_ID = FreePorts.nextInVmId();

    static {
        try {
            DATA_DIR = Files.createTempDirectory("cem-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("cem.data-dir", DATA_DIR::toString);
        registry.add("cem.broker.in-vm-id", () -> IN_VM_ID);
        registry.add("cem.broker.acceptor", () -> "tcp://127.0.0.1:" + BROKER_PORT + "?protocols=CORE,AMQP,STOMP,MQTT");
    }

    protected Http http() {
        return new Http("http://127.0.0.1:" + port);
    }
}
