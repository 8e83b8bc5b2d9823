package io.cemhub.bench;

import io.cemhub.ingest.IngestBatchCodec;
import io.cemhub.model.CemJson;
import io.cemhub.model.CemRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encoding and decoding one ingest-queue message of 100 measurements. Scores are batches/s; multiply
 * by 100 for records/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestBatchCodecBenchmark {

    static final int BATCH = 100;

    private IngestBatchCodec codec;
    private List<CemRecord> records;
    private byte[] encoded;

    @Setup
    public void setUp() throws IOException {
        codec = new IngestBatchCodec(CemJson.newMapper());
        records = BenchSamples.batch(BATCH);
        encoded = codec.encode(records);
        if (!codec.decode(encoded).equals(records)) {
            throw new IllegalStateException("the codec does not round-trip the sample batch");
        }
    }

    @Benchmark
    public byte[] encode100() {
        return codec.encode(records);
    }

    @Benchmark
    public List<CemRecord> decode100() throws IOException {
        return codec.decode(encoded);
    }
}
