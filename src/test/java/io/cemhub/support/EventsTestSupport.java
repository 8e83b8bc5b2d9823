package io.cemhub.support;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

/**
 * A test hub plus, for each test, a durable subscription on cem.events ({@link #events}) that exists
 * before the test publishes anything and is deleted after it, and a short id ({@link #run}) to keep the
 * test's records apart from those of other tests sharing the hub.
 */
public abstract class EventsTestSupport extends HubTestSupport {

    @Autowired
    protected ActiveMQConnectionFactory connectionFactory;

    protected final String run = UUID.randomUUID().toString().substring(0, 8);
    protected EventCollector events;

    @BeforeEach
    void subscribeToEvents() {
        events = new EventCollector(connectionFactory, getClass().getSimpleName() + "-" + run);
    }

    @AfterEach
    void unsubscribeFromEvents() {
        events.unsubscribe();
    }
}
