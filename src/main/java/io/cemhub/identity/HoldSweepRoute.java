package io.cemhub.identity;

import io.cemhub.pipeline.HubErrorHandling;
import org.apache.camel.builder.RouteBuilder;

/** Sweeps the identity hold every {@code cem.identity.hold-sweep}: releases, expires, asks the CRM. */
public class HoldSweepRoute extends RouteBuilder {

    public static final String ROUTE_ID = "cem-identity-hold-sweep";

    private final HeldRecordReleaser releaser;

    public HoldSweepRoute(HeldRecordReleaser releaser) {
        this.releaser = releaser;
    }

    @Override
    public void configure() {
        from("timer:cem-identity-hold?period={{cem.identity.hold-sweep:5s}}&delay={{cem.identity.hold-sweep:5s}}")
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorHandling.ID)
                .process(exchange -> releaser.sweep()).id("hold-sweep");
    }
}
