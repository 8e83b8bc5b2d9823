package io.cemhub.subscription;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A subscription's filter, TMF688 style: conditions joined by {@code &}, all of which must hold, e.g.
 * {@code eventType=AlarmCreateEvent,AlarmChangeEvent&perceivedSeverity>=major&segment=VIP}. Parsed once
 * (see {@link #parse}); it becomes an Artemis filter on the subscriber's queue, so the broker selects
 * the events, and {@link #matches} says the same in Java. A condition on a field the event does not
 * carry is false (a non-alarm event has no perceivedSeverity). The grammar is in docs/subscriptions.md.
 */
public final class EventQuery {

    private final String text;
    private final List<Condition> conditions;

    private EventQuery(String text, List<Condition> conditions) {
        this.text = text;
        this.conditions = conditions;
    }

    /** The query that selects every event. */
    public static EventQuery all() {
        return new EventQuery("", List.of());
    }

    /**
     * Parses a query; null or blank selects every event.
     *
     * @throws InvalidQueryException naming the part that is wrong and what is allowed
     */
    public static EventQuery parse(String query) {
        if (query == null || query.isBlank()) {
            return all();
        }
        List<Condition> conditions = new ArrayList<>();
        for (String part : query.trim().split("&", -1)) {
            conditions.add(Condition.parse(part.trim()));
        }
        return new EventQuery(query.trim(), List.copyOf(conditions));
    }

    /** The text it was parsed from. */
    public String text() {
        return text;
    }

    public List<Condition> conditions() {
        return conditions;
    }

    /** Whether an event with these message properties matches (absent properties are null). */
    public boolean matches(Map<String, String> properties) {
        for (Condition c : conditions) {
            if (!c.matches(properties.get(c.field().property()))) {
                return false;
            }
        }
        return true;
    }

    /** The same selection as an Artemis (SQL-92 selector) filter over the event message's properties; null for all. */
    public String artemisFilter() {
        if (conditions.isEmpty()) {
            return null;
        }
        return conditions.stream().map(Condition::artemisFilter).collect(Collectors.joining(" AND "));
    }

    @Override
    public String toString() {
        return text;
    }

    /** Decodes %XX escapes, as in a URL query; a plus stays a plus (segments and ids may hold one). */
    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("'" + raw + "' holds a broken %-escape");
        }
    }
}
