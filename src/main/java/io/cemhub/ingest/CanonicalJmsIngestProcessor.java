package io.cemhub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.model.SourceRef;
import io.cemhub.quarantine.RejectedInputException;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;

import java.io.IOException;

/** Reads a canonical JSON message and hands it to the gateway inside the consumer's transaction. */
public class CanonicalJmsIngestProcessor implements Processor {

    static final SourceRef ENTRY = new SourceRef("cem", "jms-canonical");

    private final ObjectMapper mapper;
    private final IngestGateway gateway;

    public CanonicalJmsIngestProcessor(ObjectMapper mapper, IngestGateway gateway) {
        this.mapper = mapper;
        this.gateway = gateway;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        byte[] body = exchange.getMessage().getBody(byte[].class);
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
        Session session = exchange.getIn(JmsMessage.class).getJmsSession();
        try {
            gateway.submitJson(ENTRY, json, true, session);
        } catch (InvalidRecordsException | BatchTooLargeException e) {
            throw new RejectedInputException(e.getMessage(), e);
        }
    }
}
