package io.cemhub.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses text the schemas let through but nothing downstream should carry: control characters (C0 but
 * tab, line feed and carriage return; DEL; C1), unpaired UTF-16 surrogates (JSON escapes like
 * {@code "\ud800"} decode to them, and they cannot be written as UTF-8 again, so the record would fail
 * later, in the pipeline), and any line break in an identifier (ids reach log lines and message
 * properties: a line break there forges a log line). Field names are checked like values.
 */
final class TextCheck {

    /** Identifiers: no line breaks or tabs either. */
    private static final Set<String> IDENTIFIERS = Set.of("id", "serviceId", "customerId", "metric", "system",
            "adapter", "unit", "serviceType", "interactionType", "recordType");

    private TextCheck() {
    }

    static void check(int index, JsonNode node, List<RecordError> errors) {
        walk(index, "", node, errors);
    }

    private static void walk(int index, String path, JsonNode node, List<RecordError> errors) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String bad = problem(e.getKey(), true);
                if (bad != null) {
                    errors.add(new RecordError(index, path, "a field name " + bad));
                } else {
                    walk(index, field, e.getValue(), errors);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(index, path + "[" + i + "]", node.get(i), errors);
            }
        } else if (node.isTextual()) {
            String name = path.substring(path.lastIndexOf('.') + 1);
            String bad = problem(node.textValue(), IDENTIFIERS.contains(name));
            if (bad != null) {
                errors.add(new RecordError(index, path, bad));
            }
        }
    }

    /** What is wrong with the text, or null. */
    static String problem(String text, boolean identifier) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds an unpaired UTF-16 surrogate at position " + i;
            } else if (identifier ? c < 0x20 : c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "holds the control character U+" + String.format("%04X", (int) c) + " at position " + i;
            } else if (c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                return "holds the control character U+" + String.format("%04X", (int) c) + " at position " + i;
            }
        }
        return null;
    }
}
