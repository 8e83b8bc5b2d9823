package io.cemhub.bench;

import io.cemhub.pipeline.EventContext;
import io.cemhub.threshold.Direction;
import io.cemhub.threshold.FlapPolicy;
import io.cemhub.threshold.Level;
import io.cemhub.threshold.RuleBook;

import io.cemhub.threshold.SeriesState;
import io.cemhub.threshold.Severity;
import io.cemhub.threshold.ThresholdEngine;
import io.cemhub.threshold.ThresholdRule;
import org.openjdk.jmh.annotations.Benchmark;

import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rule lookup (most specific scope among six candidates) plus one evaluation (hysteresis, debounce,
 * flap bookkeeping) per operation, over 1,000 series with about 2 % of samples crossing a level. The
 * pipeline adds the database round trips for the series state on top (see docs/performance.md).
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
public class ThresholdEngineBenchmark {

    private RuleBook book;
    private ThresholdEngine engine;
    private SeriesState[] series;
    private EventContext[] contexts;
    private double[] values;
    private Instant t = Instant.parse("2026-11-23T00:00:00Z");
    private int i;

    @Setup
    public void setUp() {
        List<ThresholdRule> rules = new ArrayList<>();
        Map<Severity, Level> levels = Map.of(Severity.WARNING, new Level(50, 40), Severity.MAJOR, new Level(150, 120));
        rules.add(rule("g", io.cemhub.threshold.Scope.global(), levels));
        rules.add(rule("t", new io.cemhub.threshold.Scope(io.cemhub.threshold.Scope.Type.SERVICE_TYPE, "vpn"), levels));
        rules.add(rule("s", new io.cemhub.threshold.Scope(io.cemhub.threshold.Scope.Type.SEGMENT, "VIP"), levels));
        rules.add(rule("l", new io.cemhub.threshold.Scope(io.cemhub.threshold.Scope.Type.SLA_TIER, "gold"), levels));
        rules.add(rule("v", new io.cemhub.threshold.Scope(io.cemhub.threshold.Scope.Type.SERVICE, "S-7"), levels));
        rules.add(rule("c", new io.cemhub.threshold.Scope(io.cemhub.threshold.Scope.Type.CUSTOMER, "C-7"), levels));
        book = new RuleBook(rules);
        engine = new ThresholdEngine(new FlapPolicy(4, Duration.ofMinutes(15)));
        series = new SeriesState[1000];
        contexts = new EventContext[1000];
        for (int s = 0; s < series.length; s++) {
            series[s] = new SeriesState();
            contexts[s] = new EventContext("resolved", "C-" + s, null, s % 5 == 0 ? "VIP" : "residential",
                    s % 3 == 0 ? "gold" : "bronze", "vpn", Map.of());
        }
        values = new double[4096];
        java.util.Random random = new java.util.Random(42);
        for (int v = 0; v < values.length; v++) {
            values[v] = random.nextInt(50) == 0 ? 60 + random.nextInt(120) : 10 + random.nextInt(25);
        }
    }

    private static ThresholdRule rule(String id, io.cemhub.threshold.Scope scope, Map<Severity, Level> levels) {
        return new ThresholdRule(id, 1, "vpn.rtt.avg", scope, Direction.ABOVE, levels, 1, 0, null, true, null);
    }

    @Benchmark
    public Object lookupAndEvaluate() {
        int s = i % series.length;
        double value = values[i & 4095];
        i++;
        t = t.plusMillis(10);
        ThresholdRule rule = book.find("vpn.rtt.avg", "S-" + s, contexts[s]);
        return engine.apply(rule, series[s], value, t);
    }
}
