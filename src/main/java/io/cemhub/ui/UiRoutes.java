package io.cemhub.ui;

import org.apache.camel.builder.RouteBuilder;

/**
 * The dashboard's live feeds as routes (visible and stoppable in Hawtio like any other): alarm events from
 * cem.events to the open streams, the streams' heartbeat, the events/s sampler. The alarm stream consumes a
 * non-durable subscription with a selector: the broker sends this instance alarm events only, and none
 * are kept for it while it is down (a dashboard that reconnects reloads the list over REST).
 */
public class UiRoutes extends RouteBuilder {

    private final AlarmStreams streams;
    private final EventRate rate;

    public UiRoutes(AlarmStreams streams, EventRate rate) {
        this.streams = streams;
        this.rate = rate;
    }

    @Override
    public void configure() {
        from("jms:topic:{{cem.pipeline.events-topic:cem.events}}?selector=domain = 'alarm'")
                .routeId("ui-alarm-stream")
                .convertBodyTo(String.class).id("as-text")
                .bean(streams, "publish").id("fan-out");

        from("timer:ui-stream-heartbeat?period={{cem.ui.stream-heartbeat:15s}}")
                .routeId("ui-stream-heartbeat")
                .bean(streams, "heartbeat").id("heartbeat");

        from("timer:ui-event-rate?period={{cem.ui.event-rate-sample:5s}}")
                .routeId("ui-event-rate")
                .bean(rate, "sample").id("sample");
    }
}
