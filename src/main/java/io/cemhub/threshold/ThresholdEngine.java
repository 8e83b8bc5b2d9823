package io.cemhub.threshold;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;

/**
 * Applies one sample to a series: hysteresis through {@link ThresholdRule#levelFor}, then debounce, then
 * flap bookkeeping. Pure apart from the state it is given; no I/O, so it is fast and easy to test.
 */
public class ThresholdEngine {

    /** The most raise/clear times a series keeps (about 30 characters each in the stored JSON). */
    static final int MOST_TRANSITIONS_KEPT = 100;

    private final FlapPolicy flapPolicy;

    public ThresholdEngine(FlapPolicy flapPolicy) {
        this.flapPolicy = flapPolicy;
    }

    /** @return the transition that takes effect with this sample, if any */
    public Optional<Transition> apply(ThresholdRule rule, SeriesState s, double value, Instant at) {
        s.lastObservedAt = at;
        s.ruleId = rule.id();
        s.ruleVersion = rule.version();
        Severity target = rule.levelFor(s.level, value);
        if (target == s.level) {
            s.noPending();
            updateFlapping(s, at);
            return Optional.empty();
        }
        if (s.pendingIs(target)) {
            s.pendingCount++;
        } else {
            s.pending(target, at);
        }
        boolean heldLongEnough = Duration.between(s.pendingSince, at).getSeconds() >= rule.debounceSeconds();
        if (s.pendingCount < rule.debounceSamples() || !heldLongEnough) {
            updateFlapping(s, at);
            return Optional.empty();
        }
        Severity from = s.level;
        s.level = target;
        s.noPending();
        Transition.Kind kind = from == null ? Transition.Kind.RAISE
                : target == null ? Transition.Kind.CLEAR : Transition.Kind.CHANGE;
        if (kind != Transition.Kind.CHANGE) {
            s.transitions.add(at);
        }
        updateFlapping(s, at);
        return Optional.of(new Transition(kind, from, target));
    }

    /**
     * Forgets raise/clear times older than the window and keeps only the newest limit + 1 of the rest:
     * "more than the limit within the window" needs no more, and the state is stored in a bounded column. A
     * series alternating with every sample kept every transition of the window before (hundreds at a sample
     * every few seconds): its state outgrew threshold_state.state_json, and every message of its partition
     * failed until the dead-letter queue (found by the 100,000-record HubKillTest). A limit of
     * {@value #MOST_TRANSITIONS_KEPT} or more therefore means "never flapping".
     */
    private void updateFlapping(SeriesState s, Instant at) {
        Instant horizon = at.minus(flapPolicy.window());
        s.transitions.removeIf(t -> t.isBefore(horizon));
        int keep = Math.min(flapPolicy.maxTransitions(), MOST_TRANSITIONS_KEPT - 1) + 1;
        while (s.transitions.size() > keep) {
            s.transitions.remove(Collections.min(s.transitions)); // the oldest: a late sample may have added it last
        }
        s.flapping = s.transitions.size() > flapPolicy.maxTransitions();
    }
}
