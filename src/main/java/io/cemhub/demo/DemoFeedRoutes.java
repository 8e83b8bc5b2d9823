package io.cemhub.demo;

import org.apache.camel.builder.RouteBuilder;

/** The demo's simulators as routes, so they show in Hawtio and can be stopped there like any other. */
public class DemoFeedRoutes extends RouteBuilder {

    private final DemoFeeds feeds;
    private final DemoAdapterFeeds adapters;
    private final DemoCrmFeed crm;

    public DemoFeedRoutes(DemoFeeds feeds, DemoAdapterFeeds adapters, DemoCrmFeed crm) {
        this.feeds = feeds;
        this.adapters = adapters;
        this.crm = crm;
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

        // The adapters' simulators, through their real transports (switch off: cem.demo.adapters=false).
        from("timer:demo-vpn-rest?delay=3000&period={{cem.demo.vpn-period:2000}}")
                .routeId("demo-feed-wisla-vpn-rest").autoStartup("{{cem.demo.adapters:true}}")
                .bean(adapters, "postVpnExport").id("post-vpn-export");

        from("timer:demo-vpn-jms?delay=4000&period={{cem.demo.vpn-period:2000}}")
                .routeId("demo-feed-wisla-vpn-jms").autoStartup("{{cem.demo.adapters:true}}")
                .setBody(method(adapters, "jmsVpnExport")).id("make-vpn-message")
                .to("jms:queue:{{cem.adapters.wisla-vpn.queue}}").id("send-vpn-message");

        from("timer:demo-speedtest-rest?delay=3000&period={{cem.demo.speedtest-period:3000}}")
                .routeId("demo-feed-wisla-speedtest-rest").autoStartup("{{cem.demo.adapters:true}}")
                .bean(adapters, "postSpeedtestResults").id("post-speedtest-results");

        from("timer:demo-speedtest-file?delay=5000&period={{cem.demo.csv-period:10000}}")
                .routeId("demo-feed-wisla-speedtest-file").autoStartup("{{cem.demo.adapters:true}}")
                .bean(adapters, "dropCsvExport").id("drop-csv-export");

        // The CRM over SOAP: a customer the hub learns (its held measurement flows), tickets (cem.demo.crm=false: off)
        from("timer:demo-crm?delay=6000&period={{cem.demo.crm-period:5000}}")
                .routeId("demo-feed-crm-soap").autoStartup("{{cem.demo.crm:true}}")
                .bean(crm, "step").id("crm-step");

        from("jms:topic:{{cem.pipeline.events-topic:cem.events}}")
                .routeId("demo-event-tail")
                .bean(feeds, "countEvent").id("count-event");

        from("timer:demo-report?delay=10000&period=10000")
                .routeId("demo-report")
                .bean(feeds, "report").id("report");
    }
}
