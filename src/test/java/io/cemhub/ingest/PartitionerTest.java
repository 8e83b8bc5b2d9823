package io.cemhub.ingest;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionerTest {

    private final Partitioner partitioner = new Partitioner(16);

    @Test
    void everyInstanceAgreesOnAKeysPartition() {
        // Fixed values: a change here would split a service across partitions during a rolling upgrade.
        assertThat(partitioner.partitionOf("S-1")).isEqualTo(new Partitioner(16).partitionOf("S-1"));
        assertThat(IntStream.range(0, 5).mapToObj(i -> partitioner.partitionOf("TUN-" + i)).toList())
                .containsExactly(partitionOfReference("TUN-0"), partitionOfReference("TUN-1"),
                        partitionOfReference("TUN-2"), partitionOfReference("TUN-3"), partitionOfReference("TUN-4"));
    }

    @Test
    void similarIdsSpreadOverAllPartitions() {
        int[] counts = new int[16];
        for (int i = 0; i < 1600; i++) {
            counts[partitioner.partitionOf("SVC-" + i)]++;
        }
        assertThat(java.util.Arrays.stream(counts).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(60, 140));
    }

    @Test
    void nullKeyHasAPartitionToo() {
        assertThat(partitioner.partitionOf(null)).isBetween(0, 15);
    }

    @Test
    void refusesNonsenseCounts() {
        assertThatThrownBy(() -> new Partitioner(0)).hasMessageContaining("cem.ingest.partitions");
    }

    /** The documented algorithm, written out independently: murmur3 fmix32 of String.hashCode, mod 16. */
    private static int partitionOfReference(String key) {
        long h = key.hashCode() & 0xffffffffL;
        h ^= h >>> 16;
        h = (h * 0x85ebca6bL) & 0xffffffffL;
        h ^= h >>> 13;
        h = (h * 0xc2b2ae35L) & 0xffffffffL;
        h ^= h >>> 16;
        return (int) (h % 16);
    }
}
