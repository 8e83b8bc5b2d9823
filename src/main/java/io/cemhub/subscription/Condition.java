package io.cemhub.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One condition of a query: {@code field=v1,v2} (any of the values), {@code field!=v1,v2} (none of them),
 * or, for perceivedSeverity only, {@code >=, >, <=, <} against the TMF642 order
 * cleared &lt; indeterminate &lt; warning &lt; minor &lt; major &lt; critical.
 */
public record Condition(QueryField field, String operator, List<String> values) {

    /** TMF642 perceived severities, least severe first. */
    public static final List<String> SEVERITIES = List.of("cleared", "indeterminate", "warning", "minor", "major", "critical");

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z.]+)\\s*(!=|>=|<=|=|>|<)\\s*(.*)");

    static Condition parse(String part) {
        if (part.isEmpty()) {
            throw new InvalidQueryException("empty condition: conditions are joined by a single '&'");
        }
        Matcher m = SHAPE.matcher(part);
        if (!m.matches()) {
            throw new InvalidQueryException("'" + part + "' is not field=value, field!=value or perceivedSeverity>=value");
        }
        QueryField field = QueryField.of(m.group(1));
        String operator = m.group(2);
        List<String> values = new ArrayList<>();
        for (String raw : m.group(3).split(",", -1)) {
            String value = EventQuery.decode(raw.trim());
            if (value.isEmpty()) {
                throw new InvalidQueryException("'" + part + "' has an empty value");
            }
            values.add(value);
        }
        boolean ordered = !operator.equals("=") && !operator.equals("!=");
        if (field == QueryField.PERCEIVED_SEVERITY) {
            for (int i = 0; i < values.size(); i++) {
                values.set(i, severity(values.get(i), part));
            }
        }
        if (ordered && field != QueryField.PERCEIVED_SEVERITY) {
            throw new InvalidQueryException("'" + part + "': only perceivedSeverity is ordered; use = or != for "
                    + field.property());
        }
        if (ordered && values.size() > 1) {
            throw new InvalidQueryException("'" + part + "': " + operator + " takes one severity");
        }
        return new Condition(field, operator, List.copyOf(values));
    }

    private static String severity(String value, String part) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!SEVERITIES.contains(lower)) {
            throw new InvalidQueryException("'" + part + "': '" + value + "' is no TMF642 severity; one of " + SEVERITIES);
        }
        return lower;
    }

    /** The values an event property may hold for this condition to be true (equal or ordered conditions). */
    List<String> accepted() {
        if (operator.equals("=") || operator.equals("!=")) {
            return values;
        }
        int pivot = SEVERITIES.indexOf(values.get(0));
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < SEVERITIES.size(); i++) {
            boolean ok = switch (operator) {
                case ">=" -> i >= pivot;
                case ">" -> i > pivot;
                case "<=" -> i <= pivot;
                default -> i < pivot;
            };
            if (ok) {
                accepted.add(SEVERITIES.get(i));
            }
        }
        return accepted;
    }

    boolean matches(String actual) {
        if (actual == null) {
            return false;
        }
        boolean in = accepted().contains(actual);
        return operator.equals("!=") ? !in : in;
    }

    String artemisFilter() {
        List<String> accepted = accepted();
        if (accepted.isEmpty()) {
            return "(1 = 0)";
        }
        String list = accepted.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "));
        String not = operator.equals("!=") ? "NOT " : "";
        // A missing property makes IN unknown, and NOT unknown stays unknown: both exclude, as matches() does.
        return field.property() + " " + not + "IN (" + list + ")";
    }
}
