package io.cemhub.ingest;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jms.core.JmsTemplate;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts partition batches on the ingest queue as persistent messages, all of one submission in ONE
 * local JMS transaction: the broker syncs its journal once per submission, not once per record, and a
 * submission is durable as a whole or not at all.
 */
public final class JmsIngestSender {

    /** Message property with the partition number, for operators browsing the queue. */
    public static final String PARTITION_PROPERTY = "cemPartition";
    public static final String RECORDS_PROPERTY = "cemRecords";

    private final JmsTemplate template;
    private final String queueName;
    private final IngestBatchCodec codec;
    private final IngestGroupCommit groups;

    /**
     * @param maxRecordsPerMessage the most records a message may carry when concurrent submissions merge
     * @param maxRecordsPerGroup   the most records one group commit takes (a submission larger is alone)
     * @param meters               where the group commits are measured ({@code cem.ingest.group.*})
     */
    public JmsIngestSender(JmsTemplate transactedTemplate, String queueName, IngestBatchCodec codec,
                           int maxRecordsPerMessage, int maxRecordsPerGroup, MeterRegistry meters) {
        if (!transactedTemplate.isSessionTransacted()) {
            throw new IllegalArgumentException("the ingest sender needs a transacted JmsTemplate");
        }
        this.template = transactedTemplate;
        this.queueName = queueName;
        this.codec = codec;
        this.groups = new IngestGroupCommit(maxRecordsPerMessage, maxRecordsPerGroup, merged -> send(merged, null, null),
                observer(meters));
    }

    private static IngestGroupCommit.Observer observer(MeterRegistry meters) {
        DistributionSummary submissions = DistributionSummary.builder("cem.ingest.group.submissions")
                .description("submissions (REST calls, adapter inputs, traps) committed together in one group")
                .register(meters);
        DistributionSummary records = DistributionSummary.builder("cem.ingest.group.records")
                .description("records committed together in one group").register(meters);
        Timer commit = Timer.builder("cem.ingest.group.commit")
                .description("one group commit: its messages sent to cem.ingest and the broker transaction committed")
                .register(meters);
        return (n, r, nanos) -> {
            submissions.record(n);
            records.record(r);
            commit.record(nanos, TimeUnit.NANOSECONDS);
        };
    }

    /**
     * Sends in a transaction of its own, with the submissions that wait at the same time (see
     * {@link IngestGroupCommit}), and returns once it is committed (durable).
     */
    public void send(List<PartitionBatch> batches) {
        groups.submit(batches);
    }

    /**
     * As {@link #send(List)} but alone, every message carrying the string property {@code name=value}
     * (unless null). JmsTemplate#execute does not commit by itself; a cached session closed with an open
     * transaction rolls back. The connection is not started: sending needs no started connection, and the
     * release of a started one stops the shared connection, a blocking round trip per cached session.
     */
    public void send(List<PartitionBatch> batches, String name, String value) {
        template.execute(session -> {
            sendIn(session, batches, name, value);
            session.commit();
            return null;
        }, false);
    }

    /** Sends in the caller's transacted session (e.g. the JMS consumer's): the caller commits. */
    public void sendIn(Session session, List<PartitionBatch> batches) throws JMSException {
        sendIn(session, batches, null, null);
    }

    private void sendIn(Session session, List<PartitionBatch> batches, String name, String value) throws JMSException {
        Queue queue = session.createQueue(queueName);
        MessageProducer producer = session.createProducer(queue);
        try {
            for (PartitionBatch batch : batches) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(codec.encode(batch.records()));
                message.setStringProperty("JMSXGroupID", Partitioner.groupOf(batch.partition()));
                message.setIntProperty(PARTITION_PROPERTY, batch.partition());
                message.setIntProperty(RECORDS_PROPERTY, batch.records().size());
                if (name != null) {
                    message.setStringProperty(name, value);
                }
                producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            }
        } finally {
            producer.close();
        }
    }
}
