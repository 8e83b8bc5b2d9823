package io.cemhub.crm;

import io.cemhub.pipeline.HubErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.apache.cxf.binding.soap.SoapFault;

/**
 * The SOAP service the CRM pushes to ({@code /services/crm}, contract adapters/crm/crm-notifications.wsdl).
 * CXF validates each request against crm.xsd and refuses hostile XML before the route sees it; a Fault
 * thrown here goes back to the CRM as is.
 */
public class CrmNotificationRoute extends RouteBuilder {

    public static final String ROUTE_ID = "crm-notifications";

    private final CrmNotificationHandler handler;

    public CrmNotificationRoute(CrmNotificationHandler handler) {
        this.handler = handler;
    }

    @Override
    public void configure() {
        from("cxf:bean:crmNotificationEndpoint")
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorHandling.ID)
                // a Fault is the answer, not an error of the hub: back to the CRM, counted and logged once
                .onException(SoapFault.class).handled(false).logExhausted(false).logStackTrace(false).end()
                .process(handler).id("crm-notification");
    }
}
