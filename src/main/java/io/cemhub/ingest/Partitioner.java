package io.cemhub.ingest;

/**
 * Maps a partition key (the service id as the source names it) to one of N ingest partitions. The
 * hash is String.hashCode, which the Java language fixes, run through a mixing step so that ids
 * differing only in their last digits still spread: every hub instance, on every JDK, agrees.
 */
public final class Partitioner {

    private final int partitions;

    public Partitioner(int partitions) {
        if (partitions < 1 || partitions > 1024) {
            throw new IllegalArgumentException("cem.ingest.partitions must be between 1 and 1024, not " + partitions);
        }
        this.partitions = partitions;
    }

    public int partitions() {
        return partitions;
    }

    public int partitionOf(String key) {
        int h = key == null ? 0 : key.hashCode();
        // murmur3 fmix32
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Integer.remainderUnsigned(h, partitions);
    }

    /** The JMS message group of a partition: Artemis pins a group to one consumer at a time. */
    public static String groupOf(int partition) {
        return "p" + partition;
    }
}
