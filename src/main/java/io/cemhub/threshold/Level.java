package io.cemhub.threshold;

/** One severity level of a rule: the value that raises it and the value that clears (rearms) it. */
public record Level(double raise, double clear) {
}
