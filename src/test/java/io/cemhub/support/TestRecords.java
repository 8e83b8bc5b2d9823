package io.cemhub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.ingest.RecordValidator;
import io.cemhub.kpi.KpiCatalogue;
import io.cemhub.model.CemJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared fixtures for tests of the canonical model: the real catalogue, a fixed clock, JSON helpers. */
public final class TestRecords {

    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    public static final ObjectMapper JSON = CemJson.newMapper();

    private TestRecords() {
    }

    public static KpiCatalogue catalogue() {
        try {
            return KpiCatalogue.load(Files.newInputStream(Path.of("config/kpis.yaml")), "config/kpis.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RecordValidator validator() {
        return new RecordValidator(JSON, catalogue(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
    }

    public static String measurementJson(String id, String serviceId, String metric, double value) {
        return "{\"id\":\"" + id + "\",\"serviceId\":\"" + serviceId + "\",\"metric\":\"" + metric
                + "\",\"value\":" + value + ",\"observedAt\":\"2026-11-22T23:00:00Z\"}";
    }
}
