package io.cemhub.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV reader for adapter exports: one record per line, RFC 4180 fields (a field with the delimiter
 * or a quote is quoted, and a quote inside it is doubled: {@code """Alice"" <1000>"}). The columns are named
 * by the first line, or, for header-less files such as Asterisk's Master.csv, by the adapter
 * ({@link InputOptions#csvColumns()}). A line that breaks the grammar or has the wrong number of fields
 * becomes an item with an error, so the other lines of the file still flow.
 * <p>One departure from RFC 4180, on purpose: a record never spans lines (no line breaks inside quotes),
 * so that one unclosed quote costs one line, not the rest of the file. Unquoted fields are trimmed.
 */
final class CsvLines {

    private CsvLines() {
    }

    static List<InputItem> parse(String text, InputOptions options, ObjectMapper mapper) {
        char delimiter = options.delimiter();
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\r?\n", -1) : text.split("\r?\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        boolean headerLess = !options.csvColumns().isEmpty();
        if (first == lines.length) {
            throw new InputRejectedException(headerLess ? "the CSV input has no line" : "the CSV input has no header line", null);
        }
        List<String> header;
        String headerLine = headerLess ? null : lines[first];
        if (headerLess) {
            header = options.csvColumns();
        } else {
            try {
                header = fields(headerLine, delimiter);
            } catch (IllegalArgumentException e) {
                throw new InputRejectedException("the CSV header line cannot be read: " + e.getMessage(), e);
            }
        }
        List<InputItem> items = new ArrayList<>();
        for (int i = headerLess ? first : first + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            // a line travels with the header line it was read with, so that replay can read it alone
            String kept = headerLess ? lines[i] + "\n" : headerLine + "\n" + lines[i] + "\n";
            items.add(item(items.size(), lineNumber, header, headerLess ? "the adapter's columns name " : "the header names ",
                    lines[i], delimiter, kept.getBytes(StandardCharsets.UTF_8), mapper));
        }
        if (items.isEmpty()) {
            throw new InputRejectedException("the CSV input has a header but no data line", null);
        }
        return items;
    }

    private static InputItem item(int index, int lineNumber, List<String> header, String namedBy, String line,
                                  char delimiter, byte[] payload, ObjectMapper mapper) {
        List<String> values;
        try {
            values = fields(line, delimiter);
        } catch (IllegalArgumentException e) {
            return new InputItem(index, lineNumber, null, payload, "line " + lineNumber + ": " + e.getMessage());
        }
        if (values.size() != header.size()) {
            return new InputItem(index, lineNumber, null, payload, "line " + lineNumber + ": " + values.size()
                    + " fields, " + namedBy + header.size());
        }
        ObjectNode row = mapper.createObjectNode();
        for (int c = 0; c < header.size(); c++) {
            if (!values.get(c).isEmpty()) {
                row.put(header.get(c), values.get(c));
            }
        }
        return new InputItem(index, lineNumber, row, payload, null);
    }

    /**
     * The fields of one line. Quoted: from the opening to the closing quote, {@code ""} is one quote, the
     * delimiter is text; only blanks may stand around the quotes. Unquoted: up to the next delimiter,
     * trimmed, and without quotes.
     *
     * @throws IllegalArgumentException naming the column (1-based) where the line breaks the grammar
     */
    static List<String> fields(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            int column = fields.size() + 1;
            int start = i;
            while (i < n && line.charAt(i) != delimiter && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        closed = true;
                        break;
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("field " + column + ": a quoted field is not closed");
                }
                while (i < n && line.charAt(i) != delimiter && Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                if (i < n && line.charAt(i) != delimiter) {
                    throw new IllegalArgumentException("field " + column + ": text after the closing quote "
                            + "(a quote inside a quoted field is written twice: \"\")");
                }
                fields.add(field.toString());
            } else {
                int end = i;
                while (end < n && line.charAt(end) != delimiter) {
                    if (line.charAt(end) == '"') {
                        throw new IllegalArgumentException("field " + column + ": a quote inside an unquoted field "
                                + "(quote the whole field and write the quote twice)");
                    }
                    end++;
                }
                fields.add(line.substring(start, end).trim());
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++; // the delimiter
        }
    }
}
