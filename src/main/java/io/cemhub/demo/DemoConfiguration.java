package io.cemhub.demo;

import io.cemhub.snmp.TrapReceiver;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import java.time.Clock;

/** Demo profile (the default when no profile is named): simulated feeds through the real entries. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoConfiguration {

    @Bean
    public DemoFeeds demoFeeds(Clock clock, Environment env) {
        return new DemoFeeds(clock, () -> baseUrl(env));
    }

    private static String baseUrl(Environment env) {
        return "http://" + env.getProperty("server.address", "127.0.0.1") + ":"
                + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    }

    @Bean
    public DemoAdapterFeeds demoAdapterFeeds(Clock clock, Environment env) {
        return new DemoAdapterFeeds(clock, java.nio.file.Path.of(env.getProperty("cem.adapters.wisla-speedtest.inbox",
                "./data/inbox/wisla-speedtest")), () -> baseUrl(env));
    }

    @Bean
    public DemoFeedRoutes demoFeedRoutes(DemoFeeds feeds, DemoAdapterFeeds adapterFeeds) {
        return new DemoFeedRoutes(feeds, adapterFeeds);
    }

    /** A simulated router sending traps to the hub's receiver (when the receiver is on). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "cem.snmp.traps.enabled", havingValue = "true", matchIfMissing = true)
    public DemoSnmpDevice demoSnmpDevice(TrapReceiver receiver) {
        return new DemoSnmpDevice(receiver);
    }

    @Bean
    @ConditionalOnProperty(name = "cem.snmp.traps.enabled", havingValue = "true", matchIfMissing = true)
    public RouteBuilder demoSnmpRoute(DemoSnmpDevice device) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:demo-snmp?delay=5000&period={{cem.demo.snmp-period:4000}}")
                        .routeId("demo-feed-snmp-traps").autoStartup("{{cem.demo.adapters:true}}")
                        .bean(device, "sendSomething").id("send-trap");
            }
        };
    }
}
