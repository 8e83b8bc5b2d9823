package io.cemhub.threshold;

import io.cemhub.pipeline.HubErrorHandling;
import org.apache.camel.builder.RouteBuilder;

import java.time.Duration;

/**
 * Runs {@link MeasurementRetention} every {@code cem.thresholds.retention-check}. A route (not a Spring
 * schedule) so that leader election can run it on one instance ({@code cem.cluster.run-once-routes}).
 */
public class MeasurementRetentionRoute extends RouteBuilder {

    public static final String ROUTE_ID = "cem-measurement-retention";

    private final MeasurementRetention retention;
    private final Duration period;

    public MeasurementRetentionRoute(MeasurementRetention retention, Duration period) {
        this.retention = retention;
        this.period = period;
    }

    @Override
    public void configure() {
        from("timer:cem-measurement-retention?delay=" + period.toMillis() + "&period=" + period.toMillis())
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorHandling.ID)
                .bean(retention, "purge").id("purge-measurements");
    }
}
