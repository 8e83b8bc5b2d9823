package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * <p>An adapter may also have a batch mapping, {@code <mapping name>.batch.jsonata} (e.g.
 * {@code billing.csv.batch.jsonata}): it sees every item of one input that was accepted, at once, and
 * returns records that sum them up (per-interval KPIs of a CDR file). Its input is
 * {@code {batch, parameters, rows}}: {@code batch} is the first 16 hex digits of the input's SHA-256 (the same
 * bytes give the same records and ids), {@code parameters} the adapter's mapping parameters, {@code rows}
 * the accepted items. An item refused on its own is not in {@code rows}: it is quarantined, and counts
 * only when replayed, as a batch of its own. A batch mapping that fails or maps to invalid records fails
 * the input as a whole (a {@link MappingException}): nothing of it is taken in, and it is kept whole.
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

    public static String batchMappingFor(String adapter, String format) {
        String mapping = mappingFor(adapter, format);
        return mapping.substring(0, mapping.length() - ".jsonata".length()) + ".batch.jsonata";
    }

    public static SourceRef entryOf(String adapter) {
        return new SourceRef(adapter, adapter);
    }

    /**
     * @throws InputRejectedException when the input as a whole cannot be parsed
     * @throws MappingException       (compile error) when the adapter's mapping is broken
     */
    public AdapterResult process(String adapter, String format, byte[] payload, String csvDelimiter) {
        return process(adapter, format, payload, InputOptions.csv(csvDelimiter));
    }

    /**
     * The same, reading the input as {@code options} say (CSV columns, mapping parameters).
     *
     * @throws MappingException also (not a compile error) when the batch mapping fails or maps to invalid
     *                          records: the input as a whole is refused
     */
    public AdapterResult process(String adapter, String format, byte[] payload, InputOptions options) {
        List<InputItem> items = parsers.parse(format, payload, options);
        String mapping = "canonical".equals(format) ? null : mappingFor(adapter, format);
        if (mapping != null) {
            mappings.check(mapping);
        }
        List<CemRecord> records = new ArrayList<>();
        List<ItemFailure> failures = new ArrayList<>();
        List<JsonNode> accepted = new ArrayList<>();
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
                accepted.add(item.value());
            } catch (MappingException e) {
                if (e.compileError()) {
                    throw e;
                }
                failures.add(ItemFailure.of(item, e.getMessage()));
            } catch (InvalidRecordsException e) {
                failures.add(invalid(item, e));
            }
        }
        String batchMapping = mapping == null ? null : batchMappingFor(adapter, format);
        if (batchMapping != null && !accepted.isEmpty() && mappings.exists(batchMapping)) {
            records.addAll(batch(adapter, batchMapping, batchInput(payload, options, accepted)));
        }
        return new AdapterResult(items.size(), records, failures);
    }

    /** What a batch mapping sees: {@code {batch, parameters, rows}}. */
    public ObjectNode batchInput(byte[] payload, InputOptions options, List<JsonNode> rows) {
        ObjectNode input = mappings.mapper().createObjectNode();
        input.put("batch", new ContentHash().of(payload).substring(0, 16));
        ObjectNode parameters = input.putObject("parameters");
        options.parameters().forEach(parameters::put);
        input.putArray("rows").addAll(rows);
        return input;
    }

    private List<CemRecord> batch(String adapter, String batchMapping, ObjectNode input) {
        JsonNode mapped = mappings.map(batchMapping, input);
        if (mapped.isMissingNode() || mapped.isNull() || (mapped.isArray() && mapped.isEmpty())) {
            return List.of();
        }
        try {
            return gateway.validate(entryOf(adapter), mapped, true);
        } catch (InvalidRecordsException e) {
            throw new MappingException("the batch mapping " + batchMapping + " produced " + e.getMessage(), false, e);
        }
    }

    private static ItemFailure invalid(InputItem item, InvalidRecordsException e) {
        List<RecordError> errors = e.errors().stream()
                .map(r -> new RecordError(item.index(), r.field(), "mapped record " + r.index() + ": " + r.reason()))
                .toList();
        return new ItemFailure(item, item.label() + ": " + e.getMessage(), errors);
    }
}
