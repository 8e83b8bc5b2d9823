package io.cemhub.threshold;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies one sample to a series: hysteresis through {@link ThresholdRule#levelFor}, then debounce, then
 * flap bookkeeping. Pure apart from the state it is given; no I/O, so it is fast and easy to test.
 */
public class ThresholdEngine {

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

    /** Forgets raise/clear times older than the window; flapping while more than the limit remain. */
    private void updateFlapping(SeriesState s, Instant at) {
        Instant horizon = at.minus(flapPolicy.window());
        s.transitions.removeIf(t -> t.isBefore(horizon));
        s.flapping = s.transitions.size() > flapPolicy.maxTransitions();
    }
}
