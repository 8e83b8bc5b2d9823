package io.cemhub.threshold;

import org.apache.camel.builder.RouteBuilder;

import java.time.Duration;

/**
 * Runs the no-data check every {@code cem.thresholds.no-data-check}; a run-once route (on the elected leader;
 * inserts are idempotent, so two runs during a leader change do no harm).
 */
public class NoDataMonitorRoute extends RouteBuilder {

    public static final String ROUTE_ID = "cem-no-data-monitor";

    private final NoDataMonitor monitor;
    private final Duration period;

    public NoDataMonitorRoute(NoDataMonitor monitor, Duration period) {
        this.monitor = monitor;
        this.period = period;
    }

    @Override
    public void configure() {
        from("timer:cem-no-data?delay=" + period.toMillis() + "&period=" + period.toMillis())
                .routeId(ROUTE_ID)
                .bean(monitor, "check");
    }
}
