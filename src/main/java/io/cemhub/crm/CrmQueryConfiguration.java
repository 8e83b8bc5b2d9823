package io.cemhub.crm;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.xml.namespace.QName;

/**
 * The hub as the CRM's client (crm-query.wsdl): only when {@code cem.crm.query.url} is set. Its
 * {@link CrmLookup} is the identity hold's {@link io.cemhub.identity.UnknownIdLookup}; its
 * {@link CrmQueryClient} also opens trouble tickets (CreateTroubleTicket).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${cem.crm.enabled:true}' == 'true' and '${cem.crm.query.url:}' != ''")
public class CrmQueryConfiguration {

    static final String QUERY_NS = "urn:cemhub:crm:query:v1";

    @Bean
    public CxfEndpoint crmQueryEndpoint(Bus bus, CrmProperties crm) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress(crm.getQuery().getUrl());
        endpoint.setWsdlURL(crm.contractUrl("crm-query.wsdl"));
        endpoint.setServiceName(new QName(QUERY_NS, "CrmQueryService").toString());
        endpoint.setPortName(new QName(QUERY_NS, "CrmQueryPort").toString());
        endpoint.setDataFormat(DataFormat.PAYLOAD);
        endpoint.setDefaultOperationName("GetCustomer");
        endpoint.setDefaultOperationNamespace(QUERY_NS);
        // the CRM's answers are parsed as carefully as its requests
        endpoint.setProperties(CrmSoapConfiguration.hardened(crm));
        endpoint.setCxfConfigurer(new CrmTimeouts(crm.getQuery().getConnectTimeout(), crm.getQuery().getReceiveTimeout()));
        return endpoint;
    }

    /** The same service, operation CreateTroubleTicket (the vip-ticket process opens tickets through it). */
    @Bean
    public CxfEndpoint crmTicketEndpoint(Bus bus, CrmProperties crm) {
        CxfEndpoint endpoint = crmQueryEndpoint(bus, crm);
        endpoint.setDefaultOperationName("CreateTroubleTicket");
        return endpoint;
    }

    @Bean
    public CrmQueryRoute crmQueryRoute(CrmProperties crm) {
        return new CrmQueryRoute(crm.getQuery());
    }

    @Bean
    public CrmQueryClient crmQueryClient(ProducerTemplate producer) {
        return new CrmQueryClient(producer);
    }

    @Bean
    public CrmLookup crmLookup(CrmQueryClient client, CustomerSync sync, CrmProperties crm, MeterRegistry meters) {
        return new CrmLookup(client, sync, crm.getQuery(), meters);
    }
}
