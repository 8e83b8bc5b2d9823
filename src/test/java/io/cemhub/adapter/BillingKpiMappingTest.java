package io.cemhub.adapter;

import io.cemhub.model.CemRecord;
import io.cemhub.model.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CDR file's per-interval KPIs (mappings/billing.csv.batch.jsonata) as the adapter pipeline runs it. */
class BillingKpiMappingTest {

    private final AdapterPipeline pipeline = AdapterSamples.pipeline(AdapterSamples.MAPPINGS, "billing");
    private final byte[] sample = read("cdr-file.input.csv");

    @Test
    void theIntervalIsAParameter() throws Exception {
        AdapterResult hourly = pipeline.process("billing", "csv", sample, options("intervalMinutes", "60"));

        List<Measurement> kpis = measurements(hourly.records());
        assertThat(kpis).extracting(Measurement::metric).containsExactly("voice.calls", "voice.call.success.ratio",
                "voice.billsec.avg", "voice.calls", "voice.call.success.ratio", "voice.billsec.avg");
        assertThat(kpis.get(0).value()).as("the four calls of ACC-1001 in one hour").isEqualTo(4.0);
        assertThat(kpis.get(1).value()).isEqualTo(0.5);
        assertThat(kpis.get(2).value()).isEqualTo(120.0);
        assertThat(kpis.get(0).id()).startsWith("billing/ACC-1001/2026-11-22T08:00:00Z/60m/voice.calls/");
        assertThat(kpis.get(0).characteristics()).containsEntry("intervalEnd", "2026-11-22T09:00:00Z");
    }

    @Test
    void theSameBytesGiveTheSameIdsAndAnotherFileOfTheSameIntervalOthers() throws Exception {
        List<String> first = ids(pipeline.process("billing", "csv", sample, AdapterSamples.options("billing")));
        List<String> again = ids(pipeline.process("billing", "csv", sample.clone(), AdapterSamples.options("billing")));
        String[] lines = new String(sample, StandardCharsets.UTF_8).split("\n");
        byte[] firstLineOnly = (lines[0] + "\n").getBytes(StandardCharsets.UTF_8);
        List<String> other = ids(pipeline.process("billing", "csv", firstLineOnly, AdapterSamples.options("billing")));

        assertThat(again).isEqualTo(first);
        assertThat(other).hasSize(3).doesNotContainAnyElementsOf(first)
                .allSatisfy(id -> assertThat(id).startsWith("billing/ACC-1001/2026-11-22T08:00:00Z/15m/"));
    }

    @Test
    void aRefusedLineIsInNoFigure() throws Exception {
        String text = new String(sample, StandardCharsets.UTF_8);
        byte[] withBadLine = text.replaceFirst(",187,180,", ",187,\"n/a\",").getBytes(StandardCharsets.UTF_8);

        AdapterResult result = pipeline.process("billing", "csv", withBadLine, AdapterSamples.options("billing"));

        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.reason()).startsWith("line 1: "));
        Measurement calls = measurements(result.records()).get(0);
        assertThat(calls.id()).startsWith("billing/ACC-1001/2026-11-22T08:00:00Z/15m/voice.calls/");
        assertThat(calls.value()).as("two of the three calls of that interval remain").isEqualTo(2.0);
    }

    @Test
    void aBatchMappingThatMapsToInvalidRecordsRefusesTheWholeInput(@TempDir Path mappings) throws Exception {
        Files.copy(AdapterSamples.MAPPINGS.resolve("billing.csv.jsonata"), mappings.resolve("billing.csv.jsonata"));
        Files.writeString(mappings.resolve("billing.csv.batch.jsonata"), "rows[0].{\"serviceId\": accountcode, "
                + "\"metric\": \"voice.no.such.kpi\", \"value\": 1, \"observedAt\": \"2026-11-22T08:00:00Z\"}");
        AdapterPipeline broken = AdapterSamples.pipeline(mappings, "billing");

        assertThatThrownBy(() -> broken.process("billing", "csv", sample, AdapterSamples.options("billing")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("batch mapping billing.csv.batch.jsonata").hasMessageContaining("voice.no.such.kpi");
    }

    private static InputOptions options(String name, String value) throws Exception {
        InputOptions defaults = AdapterSamples.options("billing");
        Map<String, String> parameters = new HashMap<>(defaults.parameters());
        parameters.put(name, value);
        return new InputOptions(defaults.csvDelimiter(), defaults.csvColumns(), parameters);
    }

    private static List<Measurement> measurements(List<CemRecord> records) {
        return records.stream().filter(Measurement.class::isInstance).map(Measurement.class::cast).toList();
    }

    private static List<String> ids(AdapterResult result) {
        return measurements(result.records()).stream().map(Measurement::id).toList();
    }

    private static byte[] read(String sample) {
        try {
            return Files.readAllBytes(Path.of("adapters/billing/samples", sample));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
