package io.cemhub.subscription;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The fields a subscription may filter on, each carried by every event message as a string property
 * (see io.cemhub.pipeline.EventPublisher) so that the broker can select. Only perceivedSeverity is
 * ordered.
 */
public enum QueryField {
    EVENT_TYPE("eventType"),
    DOMAIN("domain"),
    PERCEIVED_SEVERITY("perceivedSeverity"),
    CUSTOMER_ID("customerId"),
    SEGMENT("segment"),
    SLA_TIER("slaTier"),
    SERVICE_TYPE("serviceType"),
    SERVICE_ID("serviceId"),
    METRIC("metric"),
    SOURCE_SYSTEM("sourceSystem"),
    ALARM_STATE("alarmState");

    private final String property;

    QueryField(String property) {
        this.property = property;
    }

    /** The name in queries, which is also the event message's property name. */
    public String property() {
        return property;
    }

    public static QueryField of(String name) {
        for (QueryField f : values()) {
            if (f.property.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new InvalidQueryException("unknown field '" + name + "'; a query may filter on " + names());
    }

    static String names() {
        return Arrays.stream(values()).map(QueryField::property).collect(Collectors.joining(", "));
    }

}
