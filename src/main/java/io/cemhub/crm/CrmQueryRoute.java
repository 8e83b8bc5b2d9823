package io.cemhub.crm;

import io.cemhub.pipeline.HubErrorHandling;
import org.apache.camel.builder.RouteBuilder;

/**
 * GetCustomer on the CRM's query service, behind a Resilience4j circuit breaker: when calls fail or time
 * out too often the breaker opens and calls fall back at once ({@link #UNAVAILABLE}) until the CRM is
 * tried again after {@code cem.crm.query.open-for}. Records waiting for the answer stay held meanwhile.
 * CreateTroubleTicket (route {@link #TICKET_ROUTE_ID}) has a breaker of its own, configured alike: a Fault
 * counts as a failure there too; the fallback leaves the cause in {@code CamelExceptionCaught}.
 */
public class CrmQueryRoute extends RouteBuilder {

    public static final String ROUTE_ID = "crm-query";
    public static final String ENDPOINT = "direct:crm-get-customer";
    /** Exchange property set when the CRM could not answer (down, slow, breaker open). */
    public static final String UNAVAILABLE = "cemCrmUnavailable";
    public static final String TICKET_ROUTE_ID = "crm-create-ticket";
    public static final String TICKET_ENDPOINT = "direct:crm-create-ticket";

    private final CrmProperties.Query query;

    public CrmQueryRoute(CrmProperties.Query query) {
        this.query = query;
    }

    @Override
    public void configure() {
        guarded(ENDPOINT, ROUTE_ID, "crm-query-breaker", "cxf:bean:crmQueryEndpoint", "crm-get-customer",
                "crm-unavailable");
        guarded(TICKET_ENDPOINT, TICKET_ROUTE_ID, "crm-ticket-breaker", "cxf:bean:crmTicketEndpoint",
                "crm-create-trouble-ticket", "crm-ticket-unavailable");
    }

    private void guarded(String from, String routeId, String breakerId, String to, String callId, String fallbackId) {
        from(from)
                .routeId(routeId)
                .routeConfigurationId(HubErrorHandling.ID)
                .circuitBreaker().id(breakerId)
                    .resilience4jConfiguration()
                        .failureRateThreshold(query.getFailureRateThreshold())
                        .slidingWindowSize(query.getSlidingWindowSize())
                        .minimumNumberOfCalls(query.getMinimumNumberOfCalls())
                        .waitDurationInOpenState((int) Math.max(1, query.getOpenFor().toSeconds()))
                        .permittedNumberOfCallsInHalfOpenState(1)
                    .end()
                    .to(to).id(callId)
                .onFallback()
                    .setProperty(UNAVAILABLE, constant(true)).id(fallbackId)
                .end();
    }
}
