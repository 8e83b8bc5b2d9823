package io.cemhub.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a rule applies. The most specific matching scope wins:
 * customer > service > slaTier > segment > serviceType > global.
 */
public record Scope(Type type, String value) {

    public enum Type {
        @JsonProperty("global") GLOBAL,
        @JsonProperty("serviceType") SERVICE_TYPE,
        @JsonProperty("segment") SEGMENT,
        @JsonProperty("slaTier") SLA_TIER,
        @JsonProperty("service") SERVICE,
        @JsonProperty("customer") CUSTOMER;

        /** Higher is more specific; the enum's order is the precedence. */
        public int specificity() {
            return ordinal();
        }
    }

    public static Scope global() {
        return new Scope(Type.GLOBAL, null);
    }
}
