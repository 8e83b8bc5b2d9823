package io.cemhub.threshold;

import io.cemhub.identity.IdentityResolver;
import io.cemhub.pipeline.EventContext;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a rule over stored measurements as the pipeline would have, series by series in time order, and
 * counts what it would have done. Flapping is left out: the counts are of raw transitions.
 */
public class Backtest {

    private final MeasurementStore measurements;
    private final IdentityResolver identity;

    public Backtest(MeasurementStore measurements, IdentityResolver identity) {
        this.measurements = measurements;
        this.identity = identity;
    }

    public Result run(ThresholdRule rule, Instant from, Instant to, String serviceId) {
        ThresholdEngine engine = new ThresholdEngine(new FlapPolicy(Integer.MAX_VALUE, Duration.ofMinutes(1)));
        RuleBook book = new RuleBook(java.util.List.of(rule));
        Map<String, SeriesState> series = new HashMap<>();
        Map<String, EventContext> contexts = new HashMap<>();
        int[] counts = new int[4];
        measurements.scan(rule.metric(), serviceId, from, to, v -> {
            EventContext ctx = contexts.computeIfAbsent(v.serviceId(), id -> identity.service(null, id)
                    .map(r -> new EventContext(EventContext.RESOLVED, r.customer().id(), r.customer().name(),
                            r.customer().segment(), r.customer().slaTier(), r.service().serviceType(),
                            r.service().characteristics()))
                    .orElse(EventContext.unresolved(v.customerId(), null)));
            if (book.find(rule.metric(), v.serviceId(), ctx) == null || !rule.activeAt(v.observedAt())) {
                return;
            }
            counts[3]++;
            SeriesState s = series.computeIfAbsent(v.serviceId(), k -> new SeriesState());
            engine.apply(rule, s, v.value(), v.observedAt()).ifPresent(t -> counts[t.kind().ordinal()]++);
        });
        return new Result(counts[0], counts[1], counts[2], counts[3], series.size());
    }

    /** What a rule would have done: transitions by kind, samples evaluated, series touched. */
    public record Result(int raised, int changed, int cleared, int samples, int series) {
    }
}
