package io.cemhub.crm;

import io.cemhub.pipeline.HubErrorHandling;
import org.apache.camel.builder.RouteBuilder;

/**
 * GetCustomer on the CRM's query service, behind a Resilience4j circuit breaker: when calls fail or time
 * out too often the breaker opens and calls fall back at once ({@link #UNAVAILABLE}) until the CRM is
 * tried again after {@code cem.crm.query.open-for}. Records waiting for the answer stay held meanwhile.
 */
public class CrmQueryRoute extends RouteBuilder {

    public static final String ROUTE_ID = "crm-query";
    public static final String ENDPOINT = "direct:crm-get-customer";
    /** Exchange property set when the CRM could not answer (down, slow, breaker open). */
    public static final String UNAVAILABLE = "cemCrmUnavailable";

    private final CrmProperties.Query query;

    public CrmQueryRoute(CrmProperties.Query query) {
        this.query = query;
    }

    @Override
    public void configure() {
        from(ENDPOINT)
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorHandling.ID)
                .circuitBreaker().id("crm-query-breaker")
                    .resilience4jConfiguration()
                        .failureRateThreshold(query.getFailureRateThreshold())
                        .slidingWindowSize(query.getSlidingWindowSize())
                        .minimumNumberOfCalls(query.getMinimumNumberOfCalls())
                        .waitDurationInOpenState((int) Math.max(1, query.getOpenFor().toSeconds()))
                        .permittedNumberOfCallsInHalfOpenState(1)
                    .end()
                    .to("cxf:bean:crmQueryEndpoint").id("crm-get-customer")
                .onFallback()
                    .setProperty(UNAVAILABLE, constant(true)).id("crm-unavailable")
                .end();
    }
}
