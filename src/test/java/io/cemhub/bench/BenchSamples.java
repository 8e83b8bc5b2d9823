package io.cemhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.config.ConfigFiles;
import io.cemhub.ingest.RecordValidator;
import io.cemhub.kpi.KpiCatalogue;
import io.cemhub.model.CemRecord;
import io.cemhub.model.EventEnvelope;
import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;
import io.cemhub.pipeline.EventContext;
import io.cemhub.pipeline.EventFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inputs shared by the JMH benchmarks, built the way the hub builds them (CoreConfiguration,
 * EventFactory), so that a benchmark measures the production code path and not a simplified twin.
 */
final class BenchSamples {

    static final SourceRef REST_ENTRY = new SourceRef("cem", "rest");
    /** Fixed so that every run validates the same record; far enough in the past to pass the skew check. */
    static final Instant OBSERVED = Instant.parse("2026-01-01T06:00:00Z");
    static final Instant RECEIVED = OBSERVED.plusSeconds(2);

    private BenchSamples() {
    }

    /** As CoreConfiguration builds it: ./config/kpis.yaml when run from the repository root, else the packaged copy. */
    static RecordValidator validator(ObjectMapper mapper) {
        ConfigFiles files = new ConfigFiles(Path.of("config"));
        KpiCatalogue kpis = KpiCatalogue.load(files.open("kpis.yaml"), files.describe("kpis.yaml"));
        return new RecordValidator(mapper, kpis, Clock.systemUTC(), Duration.ofMinutes(5));
    }

    /** One measurement as a source posts it to /api/v1/measurements. */
    static JsonNode measurementJson(ObjectMapper mapper) {
        String json = "{\"id\":\"m-1\",\"serviceId\":\"S-1\",\"metric\":\"vpn.rtt.avg\",\"value\":12.5,"
                + "\"observedAt\":\"" + OBSERVED + "\"}";
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A measurement after validation: id, source, unit and receivedAt filled, as it goes on the ingest queue. */
    static Measurement measurement(int i) {
        return new Measurement("m-" + i, REST_ENTRY, null, "S-" + (i % 1000), null, "vpn.rtt.avg", 10.0 + i % 50,
                "ms", OBSERVED, RECEIVED, Map.of());
    }

    static List<CemRecord> batch(int size) {
        List<CemRecord> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            records.add(measurement(i));
        }
        return records;
    }

    /** The envelope EventFactory.recordEvent makes for an unresolved measurement (the bench case: empty registry). */
    static EventEnvelope envelope(Measurement m) {
        Map<String, Object> event = new LinkedHashMap<>(4);
        event.put("measurement", m);
        event.put("context", EventContext.unresolved(m.customerId(), m.serviceType()));
        return new EventEnvelope(EventFactory.stableId(EventFactory.MEASUREMENT_CREATE, m.source().system(), m.id()),
                RECEIVED, EventFactory.MEASUREMENT_CREATE, m.id(), "performance", "normal", m.source().system(),
                EventFactory.REPORTING_SYSTEM, event);
    }
}
