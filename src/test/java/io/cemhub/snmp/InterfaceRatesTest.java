package io.cemhub.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rates from counter deltas: wraps, resets and agent restarts give no spike. */
class InterfaceRatesTest {

    private static final long GIGABIT = 1000;
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static InterfaceSample sample(long upTime, long in, long out, long errors, int oper, long speed) {
        return new InterfaceSample(T0.plusMillis(upTime * 10), upTime, in, out, errors, oper, speed);
    }

    @Test
    void utilisationIsTheOctetDeltaOverTheAgentsIntervalAndTheLineSpeed() {
        // 60 s at 1 Gbit/s: 7.5e9 bytes is 100 %; 750 MB is 10 %
        assertThat(InterfaceRates.utilisation(1_000, 1_000 + 750_000_000L, 60, GIGABIT)).hasValueCloseTo(10.0, within(1e-9));
        assertThat(InterfaceRates.interval(sample(100_000, 0, 0, 0, 1, GIGABIT), sample(106_000, 0, 0, 0, 1, GIGABIT)))
                .hasValueCloseTo(60.0, within(1e-9));
    }

    @Test
    void a64BitCounterThatWrapsGivesTheTrafficAcrossTheWrap() {
        long before = -1_000_000L;           // 2^64 - 1,000,000 as unsigned
        long after = 749_000_000L;           // wrapped: 1,000,000 + 749,000,000 = 750 MB
        assertThat(InterfaceRates.utilisation(before, after, 60, GIGABIT)).hasValueCloseTo(10.0, within(1e-6));
    }

    @Test
    void aCounterResetIsNoRateAndNoSpike() {
        // counters cleared on the device: lower than before, and the "wrapped" delta is far beyond the line rate
        assertThat(InterfaceRates.utilisation(5_000_000_000L, 1_000L, 60, GIGABIT)).isEmpty();
        assertThat(InterfaceRates.errorRate(3_000_000L, 10L, 60, GIGABIT)).isEmpty();
        // and a jump upwards beyond what the line can carry is a discontinuity too
        assertThat(InterfaceRates.utilisation(0, 100_000_000_000L, 60, GIGABIT)).isEmpty();
    }

    @Test
    void ifInErrorsWrapsAt2Pow32() {
        long before = 4_294_967_000L;        // 296 below 2^32
        assertThat(InterfaceRates.errorRate(before, 304, 60, GIGABIT)).hasValueCloseTo(600 / 60.0, within(1e-9));
    }

    @Test
    void anAgentRestartMakesThePollANewBaseline() {
        InterfaceSample before = sample(500_000, 9_000_000_000L, 9_000_000_000L, 400, 1, GIGABIT);
        InterfaceSample afterRestart = sample(3_000, 2_000_000, 1_000_000, 0, 1, GIGABIT); // sysUpTime went back
        assertThat(InterfaceRates.interval(before, afterRestart)).isEmpty();
        assertThat(InterfaceRates.interval(null, afterRestart)).isEmpty();
    }

    @Test
    void unknownSpeedGivesNoUtilisationButErrorsStillCount() {
        assertThat(InterfaceRates.utilisation(0, 1_000, 60, 0)).isEmpty();
        assertThat(InterfaceRates.errorRate(10, 70, 60, 0)).hasValueCloseTo(1.0, within(1e-9));
    }

    @Test
    void upAndDormantAreUpEverythingElseIsDown() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(InterfaceRates::operState).toList())
                .containsExactly(1, 0, 0, 0, 1, 0, 0);
    }

    @Test
    void pollingEmitsOperOnTheFirstPollAndRatesOnlyFromAValidInterval() {
        SnmpTargets.Target target = new SnmpTargets.Target("r1", "10.1.1.1", null, "v2c", "c", null, null, null,
                null, null, List.of(new SnmpTargets.Interface(3, null)));
        SnmpPolling polling = new SnmpPolling(new SnmpTargets(List.of(target)), null, null, TestRecords.JSON, null);
        SnmpTargets.Interface i = target.interfaces().get(0);

        InterfaceSample first = sample(100_000, 1_000, 2_000, 5, 1, GIGABIT);
        assertThat(metrics(polling, target, i, null, first)).containsOnlyKeys("net.if.oper");

        InterfaceSample second = sample(106_000, 1_000 + 750_000_000L, 2_000 + 75_000_000L, 65, 1, GIGABIT);
        Map<String, Double> rates = metrics(polling, target, i, first, second);
        assertThat(rates).containsOnlyKeys("net.if.oper", "net.if.util.in", "net.if.util.out", "net.if.errors");
        assertThat(rates.get("net.if.util.in")).isCloseTo(10.0, within(1e-3));
        assertThat(rates.get("net.if.util.out")).isCloseTo(1.0, within(1e-3));
        assertThat(rates.get("net.if.errors")).isCloseTo(1.0, within(1e-3));

        InterfaceSample restarted = sample(500, 10, 10, 0, 2, GIGABIT);
        assertThat(metrics(polling, target, i, second, restarted)).containsExactly(Map.entry("net.if.oper", 0.0));
    }

    private static Map<String, Double> metrics(SnmpPolling polling, SnmpTargets.Target t, SnmpTargets.Interface i,
                                               InterfaceSample before, InterfaceSample now) {
        ArrayNode out = TestRecords.JSON.createArrayNode();
        polling.addMeasurements(out, t, i, before, now);
        Map<String, Double> byMetric = new java.util.LinkedHashMap<>();
        for (JsonNode m : out) {
            assertThat(m.path("serviceId").asText()).isEqualTo("10.1.1.1/3");
            byMetric.put(m.path("metric").asText(), m.path("value").asDouble());
        }
        return byMetric;
    }
}
