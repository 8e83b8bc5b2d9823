package io.cemhub.demo;

import io.cemhub.snmp.TrapReceiver;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import io.cemhub.security.HubAccounts;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/** Demo profile (the default when no profile is named): simulated feeds through the real entries. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoConfiguration {

    @Bean
    public DemoAccounts demoAccounts(HubAccounts accounts, PasswordEncoder encoder) {
        return new DemoAccounts(accounts, encoder);
    }

    @Bean
    public DemoFeeds demoFeeds(Clock clock, Environment env, DemoAccounts accounts) {
        return new DemoFeeds(clock, () -> baseUrl(env), accounts::sourceKey);
    }

    private static String baseUrl(Environment env) {
        return "http://" + env.getProperty("server.address", "127.0.0.1") + ":"
                + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    }

    @Bean
    public DemoAdapterFeeds demoAdapterFeeds(Clock clock, Environment env, DemoAccounts accounts) {
        return new DemoAdapterFeeds(clock, java.nio.file.Path.of(env.getProperty("cem.adapters.wisla-speedtest.inbox",
                "./data/inbox/wisla-speedtest")), () -> baseUrl(env), accounts::sourceKey);
    }

    @Bean
    public DemoCrmFeed demoCrmFeed(Clock clock, Environment env, DemoAccounts accounts) {
        return new DemoCrmFeed(clock, () -> baseUrl(env), accounts::sourceKey);
    }

    @Bean
    public DemoFeedRoutes demoFeedRoutes(DemoFeeds feeds, DemoAdapterFeeds adapterFeeds, DemoCrmFeed crm) {
        return new DemoFeedRoutes(feeds, adapterFeeds, crm);
    }

    // --- billing (issue 4): CDR files and money events for the demo customers' billing accounts ---
    @Bean
    public DemoBillingFeeds demoBillingFeeds(Clock clock, Environment env) {
        return new DemoBillingFeeds(clock, java.nio.file.Path.of(env.getProperty("cem.adapters.billing.inbox",
                "./data/inbox/billing-cdr")));
    }

    @Bean
    public DemoBillingRoutes demoBillingRoutes(DemoBillingFeeds billingFeeds) {
        return new DemoBillingRoutes(billingFeeds);
    }

    /** The reports of the periods under way, made soon after the start and then every cem.demo.report-period. */
    @Bean
    public RouteBuilder demoReportRoute(io.cemhub.report.ReportService reports, Clock clock) {
        DemoReports demo = new DemoReports(reports, clock);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:demo-reports?delay={{cem.demo.report-delay:60000}}&period={{cem.demo.report-period:600000}}")
                        .routeId("demo-reports").bean(demo, "makeCurrent").id("make-current-reports");
            }
        };
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
