package io.cemhub.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;

/** TMF642 perceived severities a threshold level can raise, from least to most severe. */
public enum Severity {
    @JsonProperty("warning") WARNING,
    @JsonProperty("minor") MINOR,
    @JsonProperty("major") MAJOR,
    @JsonProperty("critical") CRITICAL;

    public String tmf() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Severity max(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
