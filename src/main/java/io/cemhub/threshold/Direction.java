package io.cemhub.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a rule fires when the value rises above its raise values or falls below them. */
public enum Direction {
    @JsonProperty("above") ABOVE,
    @JsonProperty("below") BELOW;

    /** The value has reached a raise value. */
    public boolean crosses(double value, double raise) {
        return this == ABOVE ? value >= raise : value <= raise;
    }

    /** The value is still on the alarm side of a clear (rearm) value. */
    public boolean beyond(double value, double clear) {
        return this == ABOVE ? value > clear : value < clear;
    }

    /** TMF642 crossedThresholdInformation.direction. */
    public String tmf() {
        return this == ABOVE ? "up" : "down";
    }
}
