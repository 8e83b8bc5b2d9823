package io.cemhub.threshold;

import io.cemhub.kpi.KpiCatalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Refuses inconsistent rules, saying what to fix. */
public class RuleValidator {

    private final KpiCatalogue kpis;

    public RuleValidator(KpiCatalogue kpis) {
        this.kpis = kpis;
    }

    /** @return the problems; empty when the rule is consistent */
    public List<String> problems(ThresholdRule rule) {
        List<String> problems = new ArrayList<>();
        if (rule.id() == null || !rule.id().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            problems.add("id: 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (rule.metric() == null || kpis.find(rule.metric()).isEmpty()) {
            problems.add("metric: '" + rule.metric() + "' is not in the KPI catalogue (config/kpis.yaml)");
        }
        if (rule.direction() == null) {
            problems.add("direction: 'above' or 'below'");
        }
        if (rule.scope().type() != Scope.Type.GLOBAL && (rule.scope().value() == null || rule.scope().value().isBlank())) {
            problems.add("scope.value: a " + rule.scope().type() + " scope names what it applies to");
        }
        if (rule.levels().isEmpty()) {
            problems.add("levels: at least one of warning, minor, major, critical");
        }
        if (rule.debounceSamples() < 1 || rule.debounceSeconds() < 0) {
            problems.add("debounce: debounceSamples >= 1 and debounceSeconds >= 0");
        }
        if (rule.noDataSeconds() != null && rule.noDataSeconds() < 1) {
            problems.add("noDataSeconds: > 0 when set (omit it to switch the no-data check off)");
        }
        if (rule.direction() != null) {
            checkLevels(rule, problems);
        }
        return problems;
    }

    private static void checkLevels(ThresholdRule rule, List<String> problems) {
        Direction d = rule.direction();
        Map.Entry<Severity, Level> previous = null;
        for (Map.Entry<Severity, Level> e : rule.levels().entrySet()) {
            Level level = e.getValue();
            String name = e.getKey().tmf();
            if (!Double.isFinite(level.raise()) || !Double.isFinite(level.clear())) {
                problems.add("levels." + name + ": raise and clear must be numbers");
                continue;
            }
            if (d.beyond(level.clear(), level.raise())) {
                problems.add("levels." + name + ": clear " + level.clear() + " is on the wrong side of raise "
                        + level.raise() + " for a rule '" + d.name().toLowerCase() + "' (it must be "
                        + (d == Direction.ABOVE ? "at or below" : "at or above") + " the raise value)");
            }
            if (previous != null && !d.beyond(level.raise(), previous.getValue().raise())) {
                problems.add("levels." + name + ": raise " + level.raise() + " must be more extreme than "
                        + previous.getKey().tmf() + "'s " + previous.getValue().raise() + " (levels out of order)");
            }
            previous = e;
        }
    }
}
