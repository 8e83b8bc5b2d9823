package io.cemhub.threshold;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A threshold rule: for {@code metric} within {@code scope}, raise an alarm of a level's severity when
 * the value crosses the level's raise value, and clear it once it is back past the clear value
 * (hysteresis). Debounce: the new level must hold for {@code debounceSamples} consecutive samples and
 * {@code debounceSeconds} before it takes effect. {@code version} is set by the hub. Optional
 * {@code noDataSeconds} (null = off): a series this rule governs that has not reported for that long
 * raises a no-data alarm ({@link NoDataMonitor}).
 */
public record ThresholdRule(
        String id,
        Integer version,
        String metric,
        Scope scope,
        Direction direction,
        Map<Severity, Level> levels,
        Integer debounceSamples,
        Integer debounceSeconds,
        List<TimeWindow> activeWindows,
        Boolean enabled,
        String description,
        Integer noDataSeconds) {

    /** A rule without the no-data check (the form before it existed). */
    public ThresholdRule(String id, Integer version, String metric, Scope scope, Direction direction,
                         Map<Severity, Level> levels, Integer debounceSamples, Integer debounceSeconds,
                         List<TimeWindow> activeWindows, Boolean enabled, String description) {
        this(id, version, metric, scope, direction, levels, debounceSamples, debounceSeconds, activeWindows, enabled,
                description, null);
    }

    public ThresholdRule {
        scope = scope == null ? Scope.global() : scope;
        levels = levels == null || levels.isEmpty() ? Map.of() : new EnumMap<>(levels);
        debounceSamples = debounceSamples == null ? 1 : debounceSamples;
        debounceSeconds = debounceSeconds == null ? 0 : debounceSeconds;
        activeWindows = activeWindows == null ? List.of() : List.copyOf(activeWindows);
        enabled = enabled == null || enabled;
    }

    public ThresholdRule withVersion(int newVersion) {
        return new ThresholdRule(id, newVersion, metric, scope, direction, levels, debounceSamples, debounceSeconds,
                activeWindows, enabled, description, noDataSeconds);
    }

    public boolean activeAt(Instant instant) {
        return enabled && (activeWindows.isEmpty() || activeWindows.stream().anyMatch(w -> w.contains(instant)));
    }

    /**
     * The level a value puts the series in, given the level it is in now: the most severe level whose
     * raise value is crossed, or, when the series is already in a level, the most severe level at or
     * below it whose clear value is not yet passed; null when clear.
     */
    public Severity levelFor(Severity current, double value) {
        Severity raised = null;
        Severity held = null;
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            Level level = levels.get(s);
            if (level == null) {
                continue;
            }
            if (raised == null && direction.crosses(value, level.raise())) {
                raised = s;
            }
            if (held == null && current != null && s.compareTo(current) <= 0 && direction.beyond(value, level.clear())) {
                held = s;
            }
        }
        return Severity.max(raised, held);
    }
}
