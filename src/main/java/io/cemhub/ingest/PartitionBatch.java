package io.cemhub.ingest;

import io.cemhub.model.CemRecord;

import java.util.List;

/** Records of one partition that travel in one message on the ingest queue, in arrival order. */
public record PartitionBatch(int partition, List<CemRecord> records) {
}
