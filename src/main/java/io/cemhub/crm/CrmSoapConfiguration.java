package io.cemhub.crm;

import io.cemhub.config.CoreConfiguration;
import io.cemhub.identity.RegistryService;
import io.cemhub.ingest.IngestGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import javax.xml.namespace.QName;
import java.util.HashMap;
import java.util.Map;

/**
 * The CRM's SOAP service on CXF's servlet ({@code cxf.path}=/services, beside Spring MVC's /api and
 * /actuator): contract first from adapters/crm, PAYLOAD mode (the route reads the validated XML), schema
 * validation on, CXF's hardened StAX limits tightened to what the contract needs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cem.crm.enabled", havingValue = "true", matchIfMissing = true)
public class CrmSoapConfiguration {

    static final String NOTIFICATIONS_NS = "urn:cemhub:crm:notifications:v1";

    @Bean
    public CustomerSync customerSync(RegistryService registry, ContactStore contacts, TransactionTemplate transaction) {
        return new CustomerSync(registry, contacts, transaction);
    }

    @Bean
    public CxfEndpoint crmNotificationEndpoint(Bus bus, CrmProperties crm, ObjectProvider<CrmSecurityInterceptor> security,
                                               MeterRegistry meters) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress(crm.getPath());
        endpoint.setWsdlURL(crm.contractUrl("crm-notifications.wsdl"));
        endpoint.setServiceName(new QName(NOTIFICATIONS_NS, "CrmNotificationService").toString());
        endpoint.setPortName(new QName(NOTIFICATIONS_NS, "CrmNotificationPort").toString());
        endpoint.setDataFormat(DataFormat.PAYLOAD);
        // The Body's element is read whole (a DOM, schema-validated) while CXF unmarshals, not lazily in the
        // route: a request that breaks while it is read is refused there as the caller's (soap:Client), and
        // OneOperationPerRequest can see what follows it. The body is small (cem.crm.max-body-bytes).
        endpoint.setAllowStreaming(false);
        endpoint.setProperties(hardened(crm));
        security.orderedStream().forEach(endpoint.getInInterceptors()::add);
        endpoint.getInInterceptors().add(new BodySizeLimit(crm.getMaxBodyBytes()));
        endpoint.getInInterceptors().add(new OneOperationPerRequest());
        endpoint.getOutFaultInterceptors().add(new MalformedRequestFault());
        endpoint.getOutFaultInterceptors().add(new FaultCounter(meters));
        return endpoint;
    }

    /** Schema validation on; CXF's StAX limits (its hardened parser: no DTDs, no external entities). */
    static Map<String, Object> hardened(CrmProperties crm) {
        Map<String, Object> p = new HashMap<>();
        p.put("schema-validation-enabled", "true");
        p.put("org.apache.cxf.stax.maxElementDepth", crm.getMaxElementDepth());
        p.put("org.apache.cxf.stax.maxElementCount", crm.getMaxElementCount());
        p.put("org.apache.cxf.stax.maxTextLength", crm.getMaxTextLength());
        p.put("org.apache.cxf.stax.maxAttributeCount", 32);
        p.put("org.apache.cxf.stax.maxAttributeSize", 4096);
        p.put("org.apache.cxf.stax.maxChildElements", 10_000);
        p.put("org.apache.cxf.stax.maxXMLCharacters", crm.getMaxBodyBytes());
        p.put("faultStackTraceEnabled", "false");
        p.put("exceptionMessageCauseEnabled", "false");
        return p;
    }

    @Bean
    public CrmNotificationRoute crmNotificationRoute(CustomerSync sync, IngestGateway gateway,
                                                     CoreConfiguration.CanonicalJson json, MeterRegistry meters) {
        return new CrmNotificationRoute(new CrmNotificationHandler(sync, gateway, json.mapper(), meters));
    }
}
