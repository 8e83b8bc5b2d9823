package io.cemhub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.model.CemRecord;
import io.cemhub.model.SourceRef;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry into the hub for every adapter and native API: validates a submission, splits it by
 * partition and makes it durable on the ingest queue. A submission is all-or-nothing: one invalid
 * record refuses the whole of it, and nothing is sent.
 */
public class IngestGateway {

    private final RecordValidator validator;
    private final Partitioner partitioner;
    private final JmsIngestSender sender;
    private final IngestProperties properties;
    private final MeterRegistry meters;

    public IngestGateway(RecordValidator validator, Partitioner partitioner, JmsIngestSender sender,
                         IngestProperties properties, MeterRegistry meters) {
        this.validator = validator;
        this.partitioner = partitioner;
        this.sender = sender;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * Validates JSON (one record or an array of them) and, when every record is valid, makes it durable.
     *
     * @param session the caller's transacted JMS session to send in, or null for a transaction of our own
     * @throws InvalidRecordsException naming every bad record, when any is invalid
     * @throws BatchTooLargeException  when the array is longer than {@code cem.ingest.max-batch}
     */
    public IngestReceipt submitJson(SourceRef entry, JsonNode body, boolean allowInteractions, Session session)
            throws JMSException {
        List<CemRecord> records = validate(entry, body, allowInteractions);
        return submit(entry, records, session);
    }

    /** Validates without sending: the records, normalised, or an {@link InvalidRecordsException}. */
    public List<CemRecord> validate(SourceRef entry, JsonNode body, boolean allowInteractions) {
        int size = body != null && body.isArray() ? body.size() : 1;
        if (size > properties.getMaxBatch()) {
            reject(entry, size);
            throw new BatchTooLargeException(size, properties.getMaxBatch());
        }
        Instant receivedAt = validator.now();
        List<RecordError> errors = new ArrayList<>();
        List<CemRecord> records = new ArrayList<>(size);
        if (body != null && body.isArray()) {
            if (body.isEmpty()) {
                errors.add(new RecordError(0, "", "the array is empty: send at least one record"));
            }
            for (int i = 0; i < body.size(); i++) {
                addIfValid(records, validator.validate(i, body.get(i), entry, receivedAt, allowInteractions, errors));
            }
        } else {
            addIfValid(records, validator.validate(0, body, entry, receivedAt, allowInteractions, errors));
        }
        if (!errors.isEmpty()) {
            reject(entry, size);
            throw new InvalidRecordsException(errors);
        }
        return records;
    }

    /** Makes already-valid canonical records durable, split by partition, in one transaction. */
    public IngestReceipt submit(SourceRef entry, List<CemRecord> records, Session session) throws JMSException {
        List<PartitionBatch> batches = split(records);
        if (session == null) {
            sender.send(batches);
        } else {
            sender.sendIn(session, batches);
        }
        meters.counter("cem.ingest.accepted", "entry", entryName(entry)).increment(records.size());
        return new IngestReceipt(records.size(), (int) batches.stream().mapToInt(PartitionBatch::partition)
                .distinct().count(), batches.size());
    }

    /**
     * Puts records that were accepted before back on the ingest queue (the identity hold releasing them),
     * each message marked with {@code property=value}; in a transaction of its own, durable on return.
     */
    public void resubmit(SourceRef entry, List<CemRecord> records, String property, String value) {
        sender.send(split(records), property, value);
        meters.counter("cem.ingest.resubmitted", "entry", entryName(entry)).increment(records.size());
    }

    List<PartitionBatch> split(List<CemRecord> records) {
        Map<Integer, List<CemRecord>> byPartition = new LinkedHashMap<>();
        for (CemRecord record : records) {
            byPartition.computeIfAbsent(partitioner.partitionOf(record.partitionKey()), p -> new ArrayList<>())
                    .add(record);
        }
        return PartitionBatch.cut(byPartition, properties.getMaxRecordsPerMessage());
    }

    private void reject(SourceRef entry, int size) {
        meters.counter("cem.ingest.rejected", "entry", entryName(entry)).increment(size);
    }

    private static void addIfValid(List<CemRecord> records, Optional<CemRecord> record) {
        record.ifPresent(records::add);
    }

    private static String entryName(SourceRef entry) {
        return entry.adapter() != null ? entry.adapter() : entry.system();
    }
}
