package io.cemhub.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV reader for adapter exports: one record per line, RFC 4180 quoting ("a, b" and "" inside
 * quotes), the first line names the columns. A line with the wrong number of fields becomes an item with
 * an error, so the other lines of the file still flow.
 */
final class CsvLines {

    private CsvLines() {
    }

    static List<InputItem> parse(String text, char delimiter, ObjectMapper mapper) {
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\r?\n", -1) : text.split("\r?\n", -1);
        int headerAt = 0;
        while (headerAt < lines.length && lines[headerAt].isBlank()) {
            headerAt++;
        }
        if (headerAt == lines.length) {
            throw new InputRejectedException("the CSV input has no header line", null);
        }
        String headerLine = lines[headerAt];
        List<String> header;
        try {
            header = fields(headerLine, delimiter);
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException("the CSV header line cannot be read: " + e.getMessage(), e);
        }
        List<InputItem> items = new ArrayList<>();
        for (int i = headerAt + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            byte[] payload = (headerLine + "\n" + lines[i] + "\n").getBytes(StandardCharsets.UTF_8);
            items.add(item(items.size(), lineNumber, header, lines[i], delimiter, payload, mapper));
        }
        if (items.isEmpty()) {
            throw new InputRejectedException("the CSV input has a header but no data line", null);
        }
        return items;
    }

    private static InputItem item(int index, int lineNumber, List<String> header, String line, char delimiter,
                                  byte[] payload, ObjectMapper mapper) {
        List<String> values;
        try {
            values = fields(line, delimiter);
        } catch (IllegalArgumentException e) {
            return new InputItem(index, lineNumber, null, payload, "line " + lineNumber + ": " + e.getMessage());
        }
        if (values.size() != header.size()) {
            return new InputItem(index, lineNumber, null, payload, "line " + lineNumber + ": " + values.size()
                    + " fields, the header names " + header.size());
        }
        ObjectNode row = mapper.createObjectNode();
        for (int c = 0; c < header.size(); c++) {
            if (!values.get(c).isEmpty()) {
                row.put(header.get(c), values.get(c));
            }
        }
        return new InputItem(index, lineNumber, row, payload, null);
    }

    static List<String> fields(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == delimiter) {
                fields.add(wasQuoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(wasQuoted ? field.toString() : field.toString().trim());
        return fields;
    }
}
