package io.cemhub.crm;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapHeader;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Optional;

/** Asks the CRM for a customer (by its id or an external id) through the route {@link CrmQueryRoute}. */
public class CrmQueryClient {

    private final ProducerTemplate producer;

    public CrmQueryClient(ProducerTemplate producer) {
        this.producer = producer;
    }

    /**
     * @param system null to ask by the CRM's customer id, otherwise the system whose id {@code id} is
     * @return the answer; {@link Answer#unavailable()} when the CRM could not be asked
     */
    public Answer getCustomer(String system, String id) {
        Exchange answer = producer.send(CrmQueryRoute.ENDPOINT, exchange -> exchange.getMessage()
                .setBody(new CxfPayload<SoapHeader>(null, List.of(CrmXml.getCustomer(system, id)))));
        if (Boolean.TRUE.equals(answer.getProperty(CrmQueryRoute.UNAVAILABLE)) || answer.getException() != null) {
            return new Answer(true, Optional.empty());
        }
        CxfPayload<?> payload = answer.getMessage().getBody(CxfPayload.class);
        Element response = payload == null || payload.getBody().isEmpty() ? null : payload.getBody().get(0);
        Element customer = response == null ? null : CrmXml.child(response, "customer");
        return new Answer(false, Optional.ofNullable(customer).map(CrmXml::customer));
    }

    /** The CRM's answer: the customer, or empty when the CRM does not know the id or could not answer. */
    public record Answer(boolean unavailable, Optional<CrmCustomer> customer) {
    }
}
