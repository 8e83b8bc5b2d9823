package io.cemhub.threshold;

import io.cemhub.pipeline.EventContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable index of the current rules by metric. Finding the rule for a sample costs a map lookup
 * and a walk over that metric's few rules, most specific first.
 */
public final class RuleBook {

    private final Map<String, List<ThresholdRule>> byMetric;

    public RuleBook(Collection<ThresholdRule> rules) {
        Map<String, List<ThresholdRule>> index = new HashMap<>();
        for (ThresholdRule rule : rules) {
            if (rule.enabled()) {
                index.computeIfAbsent(rule.metric(), m -> new ArrayList<>()).add(rule);
            }
        }
        index.replaceAll((metric, list) -> {
            list.sort(Comparator.comparingInt((ThresholdRule r) -> r.scope().type().specificity()).reversed()
                    .thenComparing(ThresholdRule::id));
            return List.copyOf(list);
        });
        this.byMetric = Map.copyOf(index);
    }

    public static RuleBook empty() {
        return new RuleBook(List.of());
    }

    /** The most specific rule for this metric that applies to the service, or null. */
    public ThresholdRule find(String metric, String serviceId, EventContext ctx) {
        List<ThresholdRule> candidates = byMetric.get(metric);
        if (candidates == null) {
            return null;
        }
        for (ThresholdRule rule : candidates) {
            if (applies(rule.scope(), serviceId, ctx)) {
                return rule;
            }
        }
        return null;
    }

    private static boolean applies(Scope scope, String serviceId, EventContext ctx) {
        String v = scope.value();
        return switch (scope.type()) {
            case GLOBAL -> true;
            case SERVICE_TYPE -> ctx != null && Objects.equals(v, ctx.serviceType());
            case SEGMENT -> ctx != null && Objects.equals(v, ctx.segment());
            case SLA_TIER -> ctx != null && Objects.equals(v, ctx.slaTier());
            case SERVICE -> Objects.equals(v, serviceId);
            case CUSTOMER -> ctx != null && Objects.equals(v, ctx.customerId());
        };
    }
}
