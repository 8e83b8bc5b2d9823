package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.TestRecords;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Each adapter's JSON mapping on its golden sample, one thread: {@code mapOnly} is the JSONata mapping
 * alone (input already parsed), {@code pipeline} is what an adapter does per input (parse, map, validate
 * against the schema and the catalogue; no broker). Scores are inputs/s; records/s = score x the records
 * per sample (wisla-vpn two-tunnels: 10, wisla-speedtest ookla-one: 6 with the ratio).
 * Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.cemhub.adapter.MappingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MappingBenchmark {

    @Param({"wisla-vpn/two-tunnels.input.json", "wisla-speedtest/ookla-one.input.json", "snmp-traps/link-down-v3.input.json"})
    public String sample;

    private String adapter;
    private byte[] payload;
    private JsonNode input;
    private MappingRegistry mappings;
    private AdapterPipeline pipeline;

    @Setup
    public void setUp() throws Exception {
        adapter = sample.substring(0, sample.indexOf('/'));
        Path file = AdapterSamples.ADAPTERS.resolve(adapter).resolve("samples").resolve(sample.substring(adapter.length() + 1));
        payload = Files.readAllBytes(file);
        input = TestRecords.JSON.readTree(payload);
        mappings = AdapterSamples.registry(AdapterSamples.MAPPINGS, adapter);
        pipeline = AdapterSamples.pipeline(AdapterSamples.MAPPINGS, adapter);
        if (!pipeline.process(adapter, "json", payload, ",").allGood()) {
            throw new IllegalStateException(sample + " does not map to valid records");
        }
    }

    @Benchmark
    public JsonNode mapOnly() {
        return mappings.map(AdapterPipeline.mappingFor(adapter, "json"), input);
    }

    @Benchmark
    public AdapterResult pipeline() {
        return pipeline.process(adapter, "json", payload, ",");
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(MappingBenchmark.class.getSimpleName()).build()).run();
    }
}
