package io.cemhub.ingest;

import io.cemhub.model.CemRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records of one partition that travel in one message on the ingest queue, in arrival order. */
public record PartitionBatch(int partition, List<CemRecord> records) {

    /** Each partition's records, in the map's order, cut into batches of at most {@code maxRecords}. */
    static List<PartitionBatch> cut(Map<Integer, List<CemRecord>> byPartition, int maxRecords) {
        List<PartitionBatch> batches = new ArrayList<>();
        byPartition.forEach((partition, list) -> {
            for (int from = 0; from < list.size(); from += maxRecords) {
                batches.add(new PartitionBatch(partition, list.subList(from, Math.min(list.size(), from + maxRecords))));
            }
        });
        return batches;
    }
}
