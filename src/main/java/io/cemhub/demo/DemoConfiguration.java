package io.cemhub.demo;

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
    public DemoCrmFeed demoCrmFeed(Clock clock, Environment env) {
        return new DemoCrmFeed(clock, () -> baseUrl(env));
    }

    @Bean
    public DemoFeedRoutes demoFeedRoutes(DemoFeeds feeds, DemoAdapterFeeds adapterFeeds, DemoCrmFeed crm) {
        return new DemoFeedRoutes(feeds, adapterFeeds, crm);
    }
}
