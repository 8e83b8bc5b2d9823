package io.cemhub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.model.CemRecord;
import io.cemhub.model.SourceRef;
import io.cemhub.quarantine.QuarantineService;
import io.cemhub.quarantine.RejectedInputException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads canonical JSON messages and hands their records to the gateway inside the consumer's transaction:
 * the exchange's message and those the listener container drained with it ({@link JmsDrain}), all in ONE
 * submission, so that the records of many small messages travel in full ingest messages. A drained message
 * that is not valid goes to quarantine here, in the same transaction; the exchange's own is rejected last
 * (the route's error handling quarantines it), after the valid records are sent.
 */
public class CanonicalJmsIngestProcessor implements Processor {

    static final SourceRef ENTRY = new SourceRef("cem", "jms-canonical");

    private final ObjectMapper mapper;
    private final IngestGateway gateway;
    private final QuarantineService quarantine;
    private final DistributionSummary perTransaction;

    public CanonicalJmsIngestProcessor(ObjectMapper mapper, IngestGateway gateway, QuarantineService quarantine,
                                       MeterRegistry meters) {
        this.mapper = mapper;
        this.gateway = gateway;
        this.quarantine = quarantine;
        this.perTransaction = JmsDrain.summary(meters, ENTRY.adapter());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<Message> drained = JmsDrain.claim();
        perTransaction.record(1 + drained.size());
        Session session = exchange.getIn(JmsMessage.class).getJmsSession();
        List<CemRecord> records = new ArrayList<>();
        RejectedInputException ownRejection = null;
        try {
            records.addAll(records(exchange.getMessage().getBody(byte[].class)));
        } catch (RejectedInputException e) {
            ownRejection = e;
        }
        String origin = exchange.getFromEndpoint() == null ? "unknown" : exchange.getFromEndpoint().getEndpointUri();
        for (Message message : drained) {
            byte[] body = JmsDrain.bodyOf(message);
            try {
                records.addAll(records(body));
            } catch (RejectedInputException e) {
                quarantine.quarantine(session, ENTRY.adapter(), origin, body, e.getMessage());
            }
        }
        if (!records.isEmpty()) {
            gateway.submit(ENTRY, records, session);
        }
        if (ownRejection != null) {
            throw ownRejection;
        }
    }

    /** One message's records, validated; a message that cannot be taken is a {@link RejectedInputException}. */
    private List<CemRecord> records(byte[] body) {
        String encoding = body == null ? null : Utf8.jsonProblem(body);
        if (encoding != null) {
            throw new RejectedInputException("the message body is not JSON in UTF-8: " + encoding, null);
        }
        JsonNode json;
        try {
            json = mapper.readTree(body == null ? new byte[0] : body);
        } catch (JsonProcessingException e) {
            throw new RejectedInputException("the message body is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RejectedInputException("the message body cannot be read: " + e.getMessage(), e);
        }
        if (json == null || json.isMissingNode()) {
            throw new RejectedInputException("the message body is empty", null);
        }
        try {
            return gateway.validate(ENTRY, json, true);
        } catch (InvalidRecordsException | BatchTooLargeException e) {
            throw new RejectedInputException(e.getMessage(), e);
        }
    }
}
