package io.cemhub.crm;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.helpers.DOMUtils;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Optional;

/**
 * Asks the CRM for a customer (by its id or an external id) through the route {@link CrmQueryRoute}, and
 * opens trouble tickets through the same route's ticket twin.
 */
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

    /** CreateTroubleTicket: the ticket id, the CRM's Fault, or "unavailable" (down, slow, breaker open). */
    public TicketAnswer createTroubleTicket(NewTroubleTicket ticket) {
        Exchange answer = producer.send(CrmQueryRoute.TICKET_ENDPOINT, exchange -> exchange.getMessage()
                .setBody(new CxfPayload<SoapHeader>(null, List.of(CrmXml.createTroubleTicket(ticket)))));
        Throwable failure = answer.getException() != null ? answer.getException()
                : answer.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // a Fault the CRM answered (parsed from its response: no cause); the client's own (e.g. writing to a
        // connection the restarted CRM closed) has the I/O error as its cause and counts as "unavailable"
        if (failure instanceof SoapFault fault && fault.getCause() == null) {
            Element code = fault.getDetail() == null ? null : DOMUtils.findAllElementsByTagNameNS(fault.getDetail(),
                    CrmXml.NS, "code").stream().findFirst().orElse(null);
            return new TicketAnswer(TicketAnswer.Outcome.FAULT, null,
                    (code == null ? fault.getFaultCode().getLocalPart() : code.getTextContent().trim()) + ": "
                            + fault.getMessage());
        }
        if (Boolean.TRUE.equals(answer.getProperty(CrmQueryRoute.UNAVAILABLE)) || failure != null) {
            return new TicketAnswer(TicketAnswer.Outcome.UNAVAILABLE, null,
                    failure == null ? "circuit open" : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        CxfPayload<?> payload = answer.getMessage().getBody(CxfPayload.class);
        Element response = payload == null || payload.getBody().isEmpty() ? null : payload.getBody().get(0);
        String ticketId = response == null ? null : CrmXml.text(response, "ticketId");
        return ticketId == null
                ? new TicketAnswer(TicketAnswer.Outcome.FAULT, null, "answer without a ticketId")
                : new TicketAnswer(TicketAnswer.Outcome.CREATED, ticketId, null);
    }

    /** What became of a CreateTroubleTicket; {@code detail} says why it failed. */
    public record TicketAnswer(Outcome outcome, String ticketId, String detail) {
        public enum Outcome { CREATED, FAULT, UNAVAILABLE }
    }

    /** The CRM's answer: the customer, or empty when the CRM does not know the id or could not answer. */
    public record Answer(boolean unavailable, Optional<CrmCustomer> customer) {
    }
}
