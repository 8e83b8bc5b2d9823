package io.cemhub.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.cemhub.model.CemJson;
import io.cemhub.model.EventEnvelope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** One MeasurementCreateEvent envelope to JSON text, as EventPublisher writes it for every event. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventEnvelopeBenchmark {

    private ObjectWriter writer;
    private EventEnvelope envelope;

    @Setup
    public void setUp() {
        writer = CemJson.newMapper().writerFor(EventEnvelope.class);
        envelope = BenchSamples.envelope(BenchSamples.measurement(1));
    }

    @Benchmark
    public String serialiseEnvelope() throws Exception {
        return writer.writeValueAsString(envelope);
    }
}
