package io.cemhub.threshold;

/** A change of a series' level that takes effect: raise (from none), change (between levels), clear. */
public record Transition(Kind kind, Severity from, Severity to) {

    public enum Kind { RAISE, CHANGE, CLEAR }
}
