package io.cemhub.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemhub.ingest.IngestReceipt;
import io.cemhub.ingest.RecordError;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.List;

/**
 * The answers of an adapter's REST entry, in the same shapes as the native API: 202 with counts, or an
 * RFC 9457 application/problem+json document whose type lies under https://cemhub.io/problems/.
 * Every request header is dropped from the answer first, so nothing the caller sent is echoed back.
 */
final class RestAnswers {

    private static final String PROBLEMS = "https://cemhub.io/problems/";

    private final ObjectMapper mapper;

    RestAnswers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void accepted(Exchange exchange, int items, IngestReceipt receipt) throws Exception {
        ObjectNode body = mapper.createObjectNode();
        body.put("items", items);
        body.put("accepted", receipt.accepted());
        body.put("partitions", receipt.partitions());
        body.put("messages", receipt.messages());
        answer(exchange, 202, "application/json", body);
    }

    void problem(Exchange exchange, int status, String type, String title, String detail, List<RecordError> errors)
            throws Exception {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", PROBLEMS + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            body.set("errors", mapper.valueToTree(errors));
        }
        answer(exchange, status, "application/problem+json", body);
    }

    private void answer(Exchange exchange, int status, String contentType, ObjectNode body) throws Exception {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        if (status == 503) {
            message.setHeader("Retry-After", "5");
        }
        message.setBody(mapper.writeValueAsString(body));
    }
}
