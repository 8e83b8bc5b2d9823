package io.cemhub.support;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole hub for integration tests: embedded broker and H2 in a fresh temporary directory, HTTP on a
 * random port, the broker's TCP acceptor on a free port (see {@link FreshHubInitializer}). Subclasses
 * with the same configuration share one running hub (Spring's context cache), so every test uses ids
 * of its own.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = FreshHubInitializer.class)
public abstract class HubTestSupport {

    @LocalServerPort
    protected int port;

    protected Http http() {
        return new Http("http://127.0.0.1:" + port);
    }
}
