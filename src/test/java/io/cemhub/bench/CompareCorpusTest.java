package io.cemhub.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The side-by-side corpus is what bench/compare.sh's golden count assumes it is. */
class CompareCorpusTest {

    @Test
    void theSameSeedGivesTheSameCorpusAndAbout2PercentCrossTheRaiseValue() {
        CompareCorpus a = new CompareCorpus(7, 4_000, 100, 8, 400);
        CompareCorpus b = new CompareCorpus(7, 4_000, 100, 8, 400);
        int crossing = 0;
        for (long r = 0; r < 40_000; r++) {
            double v = a.value(r);
            assertThat(v).isEqualTo(b.value(r));
            // nothing between clear and raise: ">= 80" and "> 80" (or "<= 70" and "< 70") count the same
            assertThat(v <= 60 || v >= 85).isTrue();
            crossing += v >= CompareCorpus.RAISE ? 1 : 0;
        }
        assertThat(crossing / 40_000.0).isBetween(0.015, 0.025);
    }

    @Test
    void goldenCountIsTheHysteresisTransitionsOfEachBatch() {
        CompareCorpus c = new CompareCorpus(11, 1_000, 100, 5, 200);
        // recount by hand: 5,000 series, 50 batches per round, 4 rounds
        java.util.Map<Integer, Boolean> raised = new java.util.HashMap<>();
        long expected = 0;
        long golden = 0;
        for (int b = 0; b < 200; b++) {
            golden += c.transitions(b);
            for (long r = b * 100L; r < b * 100L + 100; r++) {
                int s = (int) (r % 5_000);
                boolean up = raised.getOrDefault(s, false);
                double v = c.value(r);
                if (!up && v >= 80 || up && v <= 70) {
                    raised.put(s, !up);
                    expected++;
                }
            }
        }
        assertThat(golden).isEqualTo(expected).isGreaterThan(0);
    }

    @Test
    void aSeriesAlwaysTravelsOnTheSameConnection() {
        CompareCorpus c = new CompareCorpus(3, 4_000, 100, 8, 1_000);
        // 20,000 series = 200 batches per round: batch b and b + 200 carry the same series
        assertThat(c.connectionOf(17, 8)).isEqualTo(c.connectionOf(217, 8)).isEqualTo(c.connectionOf(817, 8));
        String first = new String(c.body(17, Instant.EPOCH), StandardCharsets.UTF_8);
        String later = new String(c.body(217, Instant.EPOCH), StandardCharsets.UTF_8);
        assertThat(first.substring(first.indexOf("\"serviceId\""), first.indexOf("\"value\"")))
                .isEqualTo(later.substring(later.indexOf("\"serviceId\""), later.indexOf("\"value\"")));
        assertThatThrownBy(() -> new CompareCorpus(3, 4_000, 100, 7, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
