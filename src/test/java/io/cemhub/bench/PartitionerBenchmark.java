package io.cemhub.bench;

import io.cemhub.ingest.Partitioner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Partitioner.partitionOf over 1024 distinct service ids. Two cases, because String caches its hash:
 * {@code cachedHash} reuses the same String objects (hash computed once), {@code freshKey} copies the
 * key first, as a key parsed from a new request is (its hash is computed on every call; the copy's cost
 * is included).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PartitionerBenchmark {

    private static final int KEYS = 1024;

    private final Partitioner partitioner = new Partitioner(16);
    private final String[] keys = new String[KEYS];
    private final char[][] keyChars = new char[KEYS][];
    private int next;

    @Setup
    public void setUp() {
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "SRV-" + (100_000 + i * 7919);
            keyChars[i] = keys[i].toCharArray();
        }
    }

    @Benchmark
    public int cachedHash() {
        next = (next + 1) & (KEYS - 1);
        return partitioner.partitionOf(keys[next]);
    }

    @Benchmark
    public int freshKey() {
        next = (next + 1) & (KEYS - 1);
        return partitioner.partitionOf(new String(keyChars[next]));
    }
}
