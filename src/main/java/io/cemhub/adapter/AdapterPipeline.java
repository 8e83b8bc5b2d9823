package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.ingest.InvalidRecordsException;
import io.cemhub.ingest.RecordError;
import io.cemhub.model.CemRecord;
import io.cemhub.model.SourceRef;

import java.util.ArrayList;
import java.util.List;

/**
 * An adapter's work without its transport: parse -> map (JSONata) -> validate (the gateway's rules),
 * item by item, so that one bad CSV line does not hold back the good ones. Used by the adapter routes,
 * by quarantine replay and by the golden-sample test, so all three behave the same.
 * <p>The mapping is found by convention: {@code <adapter>.jsonata} for JSON input,
 * {@code <adapter>.<format>.jsonata} for any other format (e.g. {@code wisla-speedtest.csv.jsonata}).
 * Format {@code canonical} takes canonical JSON as it is.
 */
public class AdapterPipeline {

    private final InputParsers parsers;
    private final MappingRegistry mappings;
    private final IngestGateway gateway;

    public AdapterPipeline(InputParsers parsers, MappingRegistry mappings, IngestGateway gateway) {
        this.parsers = parsers;
        this.mappings = mappings;
        this.gateway = gateway;
    }

    public static String mappingFor(String adapter, String format) {
        return "json".equals(format) ? adapter + ".jsonata" : adapter + "." + format + ".jsonata";
    }

    public static SourceRef entryOf(String adapter) {
        return new SourceRef(adapter, adapter);
    }

    /**
     * @throws InputRejectedException when the input as a whole cannot be parsed
     * @throws MappingException       (compile error) when the adapter's mapping is broken
     */
    public AdapterResult process(String adapter, String format, byte[] payload, String csvDelimiter) {
        List<InputItem> items = parsers.parse(format, payload, csvDelimiter);
        String mapping = "canonical".equals(format) ? null : mappingFor(adapter, format);
        if (mapping != null) {
            mappings.check(mapping);
        }
        List<CemRecord> records = new ArrayList<>();
        List<ItemFailure> failures = new ArrayList<>();
        for (InputItem item : items) {
            if (item.error() != null) {
                failures.add(ItemFailure.of(item, item.error().replaceFirst("^line \\d+: ", "")));
                continue;
            }
            try {
                JsonNode mapped = mapping == null ? item.value() : mappings.map(mapping, item.value());
                if (mapped.isMissingNode() || mapped.isNull() || (mapped.isArray() && mapped.isEmpty())) {
                    failures.add(ItemFailure.of(item, "the mapping " + mapping + " produced no record"));
                    continue;
                }
                records.addAll(gateway.validate(entryOf(adapter), mapped, true));
            } catch (MappingException e) {
                if (e.compileError()) {
                    throw e;
                }
                failures.add(ItemFailure.of(item, e.getMessage()));
            } catch (InvalidRecordsException e) {
                failures.add(invalid(item, e));
            }
        }
        return new AdapterResult(items.size(), records, failures);
    }

    private static ItemFailure invalid(InputItem item, InvalidRecordsException e) {
        List<RecordError> errors = e.errors().stream()
                .map(r -> new RecordError(item.index(), r.field(), "mapped record " + r.index() + ": " + r.reason()))
                .toList();
        return new ItemFailure(item, item.label() + ": " + e.getMessage(), errors);
    }
}
