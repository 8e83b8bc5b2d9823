package io.cemhub.demo;

import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's billing system through the billing adapter's real transports: CDR files in its inbox and
 * money events on its JMS queue (switched off with the other adapter simulators: cem.demo.adapters=false).
 */
public class DemoBillingRoutes extends RouteBuilder {

    private final DemoBillingFeeds billing;

    public DemoBillingRoutes(DemoBillingFeeds billing) {
        this.billing = billing;
    }

    @Override
    public void configure() {
        from("timer:demo-billing-cdr?delay=5000&period={{cem.demo.cdr-period:15000}}")
                .routeId("demo-feed-billing-cdr-file").autoStartup("{{cem.demo.adapters:true}}")
                .bean(billing, "dropCdrFile").id("drop-cdr-file");

        from("timer:demo-billing-events?delay=4000&period={{cem.demo.money-period:7000}}")
                .routeId("demo-feed-billing-events-jms").autoStartup("{{cem.demo.adapters:true}}")
                .setBody(method(billing, "moneyEvents")).id("make-money-events")
                .to("jms:queue:{{cem.adapters.billing.queue}}").id("send-money-events");
    }
}
