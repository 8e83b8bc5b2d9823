package io.cemhub.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemhub.ingest.Utf8;

import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV reader for adapter exports: one record per line, RFC 4180 fields (a field with the delimiter
 * or a quote is quoted, and a quote inside it is doubled: {@code """Alice"" <1000>"}). The columns are named
 * by the first line, or, for header-less files such as Asterisk's Master.csv, by the adapter
 * ({@link InputOptions#csvColumns()}). A line that breaks the grammar or has the wrong number of fields
 * becomes an item with an error, so the other lines of the file still flow.
 * <p>The input must be UTF-8 (a UTF-8 byte order mark is skipped). It is split into lines as bytes and each
 * line decoded on its own, strictly: a line that is not UTF-8 (Latin-1, a cut multi-byte character) is an
 * item with an error, kept byte for byte, instead of text with replacement characters flowing on; a UTF-16
 * byte order mark, or NUL bytes in the first line (UTF-16 without one), refuse the input as a whole.
 * <p>One departure from RFC 4180, on purpose: a record never spans lines (no line breaks inside quotes),
 * so that one unclosed quote costs one line, not the rest of the file. Unquoted fields are trimmed.
 */
final class CsvLines {

    private CsvLines() {
    }

    static List<InputItem> parse(byte[] payload, InputOptions options, ObjectMapper mapper) {
        char delimiter = options.delimiter();
        if (payload.length >= 2 && ((payload[0] & 0xff) == 0xfe && (payload[1] & 0xff) == 0xff
                || (payload[0] & 0xff) == 0xff && (payload[1] & 0xff) == 0xfe)) {
            throw new InputRejectedException("the CSV input starts with a UTF-16 byte order mark: it must be UTF-8", null);
        }
        List<byte[]> lines = lines(payload);
        int first = 0;
        while (first < lines.size() && blank(lines.get(first))) {
            first++;
        }
        boolean headerLess = !options.csvColumns().isEmpty();
        if (first == lines.size()) {
            throw new InputRejectedException(headerLess ? "the CSV input has no line" : "the CSV input has no header line", null);
        }
        if (indexOf(lines.get(first), (byte) 0) >= 0) {
            throw new InputRejectedException("the CSV input is not UTF-8 text: its first line holds NUL bytes "
                    + "(UTF-16 without a byte order mark, UTF-32 or binary data)", null);
        }
        List<String> header;
        byte[] headerLine = headerLess ? null : lines.get(first);
        if (headerLess) {
            header = options.csvColumns();
        } else {
            try {
                header = fields(Utf8.decode(headerLine), delimiter);
            } catch (IllegalArgumentException e) {
                throw new InputRejectedException("the CSV header line cannot be read: " + e.getMessage(), e);
            }
            List<String> twice = header.stream().filter(h -> header.indexOf(h) != header.lastIndexOf(h)).distinct().toList();
            if (!twice.isEmpty()) {
                throw new InputRejectedException("the CSV header line names a column twice: " + String.join(", ", twice), null);
            }
        }
        List<InputItem> items = new ArrayList<>();
        for (int i = headerLess ? first : first + 1; i < lines.size(); i++) {
            if (blank(lines.get(i))) {
                continue;
            }
            int lineNumber = i + 1;
            // a line travels with the header line it was read with, so that replay can read it alone; both
            // as they were, byte for byte (a line that is no UTF-8 is kept as it came)
            byte[] kept = headerLess ? concat(lines.get(i)) : concat(headerLine, lines.get(i));
            String line;
            try {
                line = Utf8.decode(lines.get(i));
            } catch (IllegalArgumentException e) {
                items.add(new InputItem(items.size(), lineNumber, null, kept, "line " + lineNumber + ": " + e.getMessage()));
                continue;
            }
            items.add(item(items.size(), lineNumber, header, headerLess ? "the adapter's columns name " : "the header names ",
                    line, delimiter, kept, mapper));
        }
        if (items.isEmpty()) {
            throw new InputRejectedException("the CSV input has a header but no data line", null);
        }
        return items;
    }

    /**
     * Without the spaces and tabs around it. Not {@link String#trim()}: that drops control characters too,
     * and a field ending in one would flow on changed instead of being refused by the record checks.
     */
    static String blanksTrimmed(String field) {
        int from = 0;
        int to = field.length();
        while (from < to && (field.charAt(from) == ' ' || field.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (field.charAt(to - 1) == ' ' || field.charAt(to - 1) == '\t')) {
            to--;
        }
        return field.substring(from, to);
    }

    /** The lines of the input, as bytes: split at line feeds, a carriage return before one dropped, a UTF-8 BOM too. */
    static List<byte[]> lines(byte[] payload) {
        int start = payload.length >= 3 && (payload[0] & 0xff) == 0xef && (payload[1] & 0xff) == 0xbb
                && (payload[2] & 0xff) == 0xbf ? 3 : 0;
        List<byte[]> lines = new ArrayList<>();
        for (int i = start; i <= payload.length; i++) {
            if (i == payload.length || payload[i] == '\n') {
                int end = i > start && payload[i - 1] == '\r' ? i - 1 : i;
                lines.add(java.util.Arrays.copyOfRange(payload, start, Math.max(start, end)));
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != 0x0b && b != '\f') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[]... lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
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
                fields.add(blanksTrimmed(line.substring(start, end)));
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++; // the delimiter
        }
    }
}
