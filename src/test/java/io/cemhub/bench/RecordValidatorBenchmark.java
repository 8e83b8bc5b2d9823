package io.cemhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.ingest.RecordError;
import io.cemhub.ingest.RecordValidator;
import io.cemhub.model.CemJson;
import io.cemhub.model.CemRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** JSON Schema + KPI catalogue check of one valid measurement: the per-record CPU cost of every POST. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RecordValidatorBenchmark {

    private RecordValidator validator;
    private JsonNode record;

    @Setup
    public void setUp() {
        ObjectMapper mapper = CemJson.newMapper();
        validator = BenchSamples.validator(mapper);
        record = BenchSamples.measurementJson(mapper);
        List<RecordError> errors = new ArrayList<>();
        if (validator.validate(0, record, BenchSamples.REST_ENTRY, BenchSamples.RECEIVED, false, errors).isEmpty()) {
            // A benchmark of the rejection path would be meaningless here: fail before measuring.
            throw new IllegalStateException("the sample measurement is invalid: " + errors);
        }
    }

    @Benchmark
    public Optional<CemRecord> validateOneMeasurement() {
        return validator.validate(0, record, BenchSamples.REST_ENTRY, BenchSamples.RECEIVED, false,
                new ArrayList<>(0));
    }
}
