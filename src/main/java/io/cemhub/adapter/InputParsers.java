package io.cemhub.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.ingest.Utf8;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a source's bytes into {@link InputItem}s. Formats: {@code json} (one document, or an array whose
 * elements are items) and {@code csv} (a header line naming the columns, or the columns the adapter names in
 * {@link InputOptions}, then one item per line; values are strings, empty ones are left out, the mapping
 * converts them). {@code canonical} is JSON already in
 * the canonical model, which needs no mapping.
 */
public class InputParsers {

    private final ObjectMapper mapper;

    public InputParsers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<InputItem> parse(String format, byte[] payload, String csvDelimiter) {
        return parse(format, payload, InputOptions.csv(csvDelimiter));
    }

    public List<InputItem> parse(String format, byte[] payload, InputOptions options) {
        if (payload == null || payload.length == 0) {
            throw new InputRejectedException("the input is empty", null);
        }
        return switch (format) {
            case "json", "canonical" -> json(payload);
            case "csv" -> CsvLines.parse(payload, options, mapper);
            default -> throw new IllegalArgumentException("unknown input format " + format + " (json, csv, canonical)");
        };
    }

    private List<InputItem> json(byte[] payload) {
        String encoding = Utf8.jsonProblem(payload);
        if (encoding != null) {
            throw new InputRejectedException("the input is not JSON in UTF-8: " + encoding, null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InputRejectedException("the input is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputRejectedException("the input cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InputRejectedException("the input is empty", null);
        }
        if (!root.isArray()) {
            return List.of(new InputItem(0, 0, root, payload, null));
        }
        if (root.isEmpty()) {
            throw new InputRejectedException("the input is an empty array", null);
        }
        List<InputItem> items = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            items.add(new InputItem(i, 0, root.get(i), bytes(root.get(i)), null));
        }
        return items;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
