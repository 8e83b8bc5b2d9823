package io.cemhub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.identity.RegistryConflictException;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.ingest.InvalidRecordsException;
import io.cemhub.ingest.RecordError;
import io.cemhub.model.CemRecord;
import io.cemhub.model.CustomerInteraction;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jms.JmsException;
import org.w3c.dom.Element;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One CRM notification (already schema-valid): CustomerUpdated / CustomerRemoved change the registry,
 * TroubleTicketCreated / Updated become CustomerInteraction records through the ingest gateway. The Ack
 * is sent only once the change is committed or the ticket durable; anything else is a SOAP Fault.
 */
public class CrmNotificationHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(CrmNotificationHandler.class);

    private final CustomerSync sync;
    private final IngestGateway gateway;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public CrmNotificationHandler(CustomerSync sync, IngestGateway gateway, ObjectMapper json, MeterRegistry meters) {
        this.sync = sync;
        this.gateway = gateway;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        Element request = firstElement(exchange.getMessage().getBody(CxfPayload.class));
        String operation = request.getLocalName();
        String outcome = "fault";
        try {
            String detail = switch (operation) {
                case "CustomerUpdated" -> sync.apply(CrmXml.customer(CrmXml.child(request, "customer")));
                case "CustomerRemoved" -> sync.remove(CrmXml.text(request, "customerId"));
                case "TroubleTicketCreated" -> ticket(CrmXml.ticket(request, true));
                case "TroubleTicketUpdated" -> ticket(CrmXml.ticket(request, false));
                default -> throw CrmFaults.client("unknown-operation", "no operation " + operation);
            };
            LOG.info("CRM {}: {}", operation, detail);
            exchange.getMessage().setBody(new CxfPayload<SoapHeader>(null, List.of(CrmXml.ack(detail))));
            outcome = "accepted";
        } catch (CrmXml.InvalidValueException e) {
            throw CrmFaults.client("invalid-value", e.getMessage());
        } catch (RegistryConflictException e) {
            throw CrmFaults.client("registry-conflict", e.getMessage());
        } catch (InvalidRecordsException e) {
            throw CrmFaults.client("invalid-ticket", e.errors().stream().map(RecordError::toString)
                    .collect(Collectors.joining("; ")));
        } catch (JmsException e) {
            throw CrmFaults.server("broker-unavailable", "the ticket could not be made durable and was NOT accepted;"
                    + " send it again later");
        } finally {
            meters.counter("cem.crm.notifications", "operation", operation, "outcome", outcome).increment();
        }
    }

    private String ticket(CustomerInteraction interaction) throws JMSException {
        MDC.put("recordId", interaction.id());
        try {
            JsonNode node = json.valueToTree(interaction);
            List<CemRecord> records = gateway.validate(CrmXml.SOURCE, node, true);
            gateway.submit(CrmXml.SOURCE, records, null);
            return "ticket " + interaction.troubleTicket().id() + " (" + interaction.troubleTicket().status()
                    + ") accepted as interaction " + interaction.id();
        } finally {
            MDC.remove("recordId");
        }
    }

    private static Element firstElement(CxfPayload<?> payload) {
        if (payload == null || payload.getBody().isEmpty()) {
            throw CrmFaults.client("invalid-request", "the SOAP body is empty");
        }
        return payload.getBody().get(0);
    }

}
