package io.cemhub.adapter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How an adapter reads its input, as its Kamelet's parameters say: the CSV delimiter, the CSV columns of
 * files without a header line, and the parameters its mappings see (the batch mapping's
 * {@code parameters}, e.g. {@code intervalMinutes}). Quarantine keeps them beside each entry, so replay
 * reads the entry as the adapter did.
 *
 * @param csvDelimiter one character, {@code \t} for a tab; null or empty = a comma
 * @param csvColumns   the column names of header-less CSV, in order; empty = the first line is the header
 * @param parameters   mapping parameters, by name
 */
public record InputOptions(String csvDelimiter, List<String> csvColumns, Map<String, String> parameters) {

    public static final InputOptions DEFAULTS = new InputOptions(",", List.of(), Map.of());

    public InputOptions {
        csvColumns = csvColumns == null ? List.of() : List.copyOf(csvColumns);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static InputOptions csv(String delimiter) {
        return new InputOptions(delimiter, List.of(), Map.of());
    }

    /** {@code "a, b,c"} -> [a, b, c]; blank -> none (the CSV input names its columns in a header line). */
    public static List<String> columns(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
    }

    /** The columns as one comma-separated string, as the Kamelet parameter and the quarantine keep them. */
    public String csvColumnsText() {
        return String.join(",", csvColumns);
    }

    char delimiter() {
        if (csvDelimiter == null || csvDelimiter.isEmpty()) {
            return ',';
        }
        return "\\t".equals(csvDelimiter) ? '\t' : csvDelimiter.charAt(0);
    }
}
