package io.cemhub.snmp;

import io.cemhub.pipeline.HubErrorHandling;
import org.apache.camel.builder.RouteBuilder;

import java.time.Duration;

/**
 * Polls the SNMP targets every {@code cem.snmp.polling.interval}. One route with a stable id, a run-once
 * route ({@code cem.cluster.run-once-routes}): it runs on the elected leader only (one poller per cluster).
 */
public class SnmpPollRoute extends RouteBuilder {

    public static final String ROUTE_ID = "snmp-poll";

    private final SnmpPolling polling;
    private final Duration interval;

    public SnmpPollRoute(SnmpPolling polling, Duration interval) {
        this.polling = polling;
        this.interval = interval;
    }

    @Override
    public void configure() {
        from("timer:snmp-poll?delay=1000&period=" + interval.toMillis())
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorHandling.ID)
                .bean(polling, "pollAll").id("poll-targets");
    }
}
