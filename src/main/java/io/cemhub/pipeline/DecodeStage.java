package io.cemhub.pipeline;

import io.cemhub.identity.HoldPolicy;
import io.cemhub.ingest.IngestBatchCodec;
import io.cemhub.ingest.JmsDrain;
import io.cemhub.model.CemRecord;
import io.cemhub.quarantine.QuarantineService;
import io.micrometer.core.instrument.DistributionSummary;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns ingest messages' bytes back into records: the exchange's own message and those the listener
 * container drained with it ({@link JmsDrain}), each record tagged with its {@link IngestMessage}, in the
 * order the consumer received them (per partition, the queue's order). Bytes that are no ingest batch
 * are poison: alone, the message is rejected (the route's error handling quarantines it); among drained
 * ones, it goes to quarantine here, in the same transaction, and the others flow on.
 */
public class DecodeStage implements org.apache.camel.Processor {

    static final String GROUP = "JMSXGroupID";

    private final IngestBatchCodec codec;
    private final QuarantineService quarantine;
    private final DistributionSummary perTransaction;

    public DecodeStage(IngestBatchCodec codec, QuarantineService quarantine, DistributionSummary perTransaction) {
        this.codec = codec;
        this.quarantine = quarantine;
        this.perTransaction = perTransaction;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        List<Message> drained = JmsDrain.claim();
        perTransaction.record(1 + drained.size());
        org.apache.camel.Message own = exchange.getMessage();
        byte[] body = own.getBody(byte[].class);
        IngestMessage ownMessage = new IngestMessage(own.getHeader("JMSMessageID", String.class),
                own.getHeader(GROUP, String.class), own.getHeader(HoldPolicy.RELEASE_PROPERTY, String.class));
        List<PipelineItem> items = new ArrayList<>();
        if (drained.isEmpty()) {
            decode(body, ownMessage, items);
            own.setBody(items);
            return;
        }
        JmsMessage jms = exchange.getIn(JmsMessage.class);
        Session session = jms == null ? null : jms.getJmsSession();
        String origin = exchange.getFromEndpoint() == null ? "unknown" : exchange.getFromEndpoint().getEndpointUri();
        tryDecode(body, ownMessage, items, session, exchange.getFromRouteId(), origin);
        for (Message message : drained) {
            IngestMessage ingest = new IngestMessage(message.getJMSMessageID(), message.getStringProperty(GROUP),
                    message.getStringProperty(HoldPolicy.RELEASE_PROPERTY));
            tryDecode(JmsDrain.bodyOf(message), ingest, items, session, exchange.getFromRouteId(), origin);
        }
        own.setBody(items);
    }

    private void tryDecode(byte[] body, IngestMessage message, List<PipelineItem> items, Session session,
                           String routeId, String origin) throws JMSException {
        try {
            decode(body, message, items);
        } catch (PoisonMessageException e) {
            quarantine.quarantine(session, routeId, origin, body == null ? new byte[0] : body, e.getMessage());
        }
    }

    private void decode(byte[] body, IngestMessage message, List<PipelineItem> items) {
        List<CemRecord> records;
        try {
            records = codec.decode(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new PoisonMessageException("the message on the ingest queue is not an ingest batch: "
                    + e.getMessage(), e);
        }
        for (CemRecord record : records) {
            items.add(new PipelineItem(record, message));
        }
    }
}
