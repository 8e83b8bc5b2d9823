package io.cemhub.threshold;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final ThresholdEngine engine = new ThresholdEngine(new FlapPolicy(3, Duration.ofMinutes(10)));

    static ThresholdRule rttRule(int samples, int seconds) {
        return new ThresholdRule("rtt", 1, "vpn.rtt.avg", Scope.global(), Direction.ABOVE,
                Map.of(Severity.WARNING, new Level(50, 40), Severity.MAJOR, new Level(150, 120)),
                samples, seconds, null, true, null);
    }

    private List<String> run(ThresholdRule rule, SeriesState s, double... values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Optional<Transition> t = engine.apply(rule, s, values[i], T0.plusSeconds(60L * i));
            out.add(t.map(x -> x.kind() + ":" + (x.to() == null ? "clear" : x.to().tmf())).orElse("-"));
        }
        return out;
    }

    @Test
    void raisesEscalatesDeEscalatesAndClearsWithHysteresis() {
        SeriesState s = new SeriesState();
        assertThat(run(rttRule(1, 0), s, 30, 55, 45, 160, 130, 110, 41, 39))
                .containsExactly("-", "RAISE:warning", "-", "CHANGE:major", "-", "CHANGE:warning", "-", "CLEAR:clear");
        assertThat(s.level).isNull();
    }

    @Test
    void aValueBetweenClearAndRaiseDoesNotRaise() {
        assertThat(run(rttRule(1, 0), new SeriesState(), 45, 49.9, 41)).containsOnly("-");
    }

    @Test
    void belowRulesMirrorAboveRules() {
        ThresholdRule availability = new ThresholdRule("avail", 1, "vpn.availability", Scope.global(), Direction.BELOW,
                Map.of(Severity.MINOR, new Level(99.5, 99.8), Severity.CRITICAL, new Level(95, 97)), 1, 0, null, true, null);
        assertThat(run(availability, new SeriesState(), 99.9, 99.4, 94, 96, 98, 99.9))
                .containsExactly("-", "RAISE:minor", "CHANGE:critical", "-", "CHANGE:minor", "CLEAR:clear");
    }

    @Test
    void debounceNeedsConsecutiveSamples() {
        SeriesState s = new SeriesState();
        assertThat(run(rttRule(3, 0), s, 60, 60, 30, 60, 60, 60, 30, 30, 30))
                .containsExactly("-", "-", "-", "-", "-", "RAISE:warning", "-", "-", "CLEAR:clear");
    }

    @Test
    void debounceCanAlsoNeedADuration() {
        // samples are 60 s apart: 150 s of breach needs the 4th sample (0, 60, 120, 180)
        assertThat(run(rttRule(1, 150), new SeriesState(), 60, 60, 60, 60)).containsExactly("-", "-", "-", "RAISE:warning");
    }

    @Test
    void raisingAndClearingTooOftenIsFlapping() {
        SeriesState s = new SeriesState();
        run(rttRule(1, 0), s, 60, 30, 60);
        assertThat(s.flapping).isFalse();
        run(rttRule(1, 0), s, 30);
        assertThat(s.flapping).as("4 raise/clear transitions within 10 minutes, limit 3").isTrue();
    }

    @Test
    void flappingEndsOnceTheWindowHasPassed() {
        SeriesState s = new SeriesState();
        run(rttRule(1, 0), s, 60, 30, 60, 30);
        assertThat(s.flapping).isTrue();
        engine.apply(rttRule(1, 0), s, 30, T0.plus(Duration.ofMinutes(30)));
        assertThat(s.flapping).isFalse();
    }

    @Test
    void aSeriesAlternatingWithEverySampleKeepsABoundedStateAndStaysFlapping() throws Exception {
        SeriesState s = new SeriesState();
        ThresholdRule rule = rttRule(1, 0);
        for (int i = 0; i < 1_000; i++) { // a sample every second, raise and clear in turn: 1,000 transitions in 17 min
            engine.apply(rule, s, i % 2 == 0 ? 60 : 30, T0.plusSeconds(i));
        }
        assertThat(s.flapping).isTrue();
        assertThat(s.transitions).hasSize(4).allSatisfy(t -> assertThat(t).isAfter(T0.plusSeconds(990)));
        String json = io.cemhub.model.CemJson.newMapper().writeValueAsString(s);
        assertThat(json.length()).as("stored in threshold_state.state_json varchar(4000)").isLessThan(1_000);
    }

    @Test
    void aLimitOfAHundredOrMoreMeansNeverFlappingWithABoundedState() throws Exception {
        ThresholdEngine unlimited = new ThresholdEngine(new FlapPolicy(1_000_000_000, Duration.ofHours(1)));
        SeriesState s = new SeriesState();
        for (int i = 0; i < 1_000; i++) {
            unlimited.apply(rttRule(1, 0), s, i % 2 == 0 ? 60 : 30, T0.plusSeconds(i));
        }
        assertThat(s.flapping).isFalse();
        assertThat(s.transitions).hasSize(ThresholdEngine.MOST_TRANSITIONS_KEPT);
        assertThat(io.cemhub.model.CemJson.newMapper().writeValueAsString(s).length()).isLessThan(4_000);
    }

    @Test
    void aLateTransitionDoesNotPushOutANewerOne() {
        ThresholdEngine engine2 = new ThresholdEngine(new FlapPolicy(2, Duration.ofMinutes(10)));
        SeriesState s = new SeriesState();
        ThresholdRule rule = rttRule(1, 0);
        engine2.apply(rule, s, 60, T0.plusSeconds(100));
        engine2.apply(rule, s, 30, T0.plusSeconds(200));
        engine2.apply(rule, s, 60, T0.plusSeconds(300));
        engine2.apply(rule, s, 30, T0.plusSeconds(50)); // late: observed before the others, evaluated last
        assertThat(s.transitions).containsExactlyInAnyOrder(T0.plusSeconds(100), T0.plusSeconds(200), T0.plusSeconds(300));
        assertThat(s.flapping).isTrue();
    }
}
