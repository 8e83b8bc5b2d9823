package io.cemhub.demo;

import org.apache.camel.builder.RouteBuilder;

/** The demo's simulators as routes, so they show in Hawtio and can be stopped there like any other. */
public class DemoFeedRoutes extends RouteBuilder {

    private final DemoFeeds feeds;

    public DemoFeedRoutes(DemoFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public void configure() {
        from("timer:demo-rest?delay=3000&period={{cem.demo.rest-period:1000}}")
                .routeId("demo-feed-rest")
                .bean(feeds, "postBatch").id("post-batch");

        from("timer:demo-jms?delay=3000&period={{cem.demo.jms-period:5000}}")
                .routeId("demo-feed-jms")
                .setBody(method(feeds, "jmsBody")).id("make-message")
                .to("jms:queue:{{cem.ingest.canonical-queue:cem.ingest.canonical}}").id("send-canonical");

        from("jms:topic:{{cem.pipeline.events-topic:cem.events}}")
                .routeId("demo-event-tail")
                .bean(feeds, "countEvent").id("count-event");

        from("timer:demo-report?delay=10000&period=10000")
                .routeId("demo-report")
                .bean(feeds, "report").id("report");
    }
}
