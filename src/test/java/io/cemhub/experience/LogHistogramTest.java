package io.cemhub.experience;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogHistogramTest {

    private static double exact(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.max(1, Math.ceil(q * sorted.length));
        return sorted[rank - 1];
    }

    private static void assertP95Within5Percent(DoubleSupplier source, int n) {
        double[] values = new double[n];
        LogHistogram h = new LogHistogram();
        for (int i = 0; i < n; i++) {
            values[i] = source.getAsDouble();
            h.add(values[i]);
        }
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            double want = exact(values, q);
            assertThat(h.quantile(q)).as("q=%s", q).isCloseTo(want, within(Math.abs(want) * 0.05 + 1e-9));
        }
    }

    @Test
    void percentilesOfSkewedAndFlatDistributionsAreWithinFivePercent() {
        Random r = new Random(42);
        assertP95Within5Percent(() -> Math.exp(3 + r.nextGaussian()), 20_000);     // latency-like
        assertP95Within5Percent(() -> 90 + 10 * r.nextDouble(), 5_000);            // availability-like
        assertP95Within5Percent(() -> 1e-3 + r.nextDouble() * 1e6, 5_000);         // wide range
        assertP95Within5Percent(() -> r.nextDouble() < 0.5 ? 0 : r.nextDouble() * 5, 5_000); // loss with zeros
        assertP95Within5Percent(() -> -50 - 40 * r.nextDouble(), 5_000);           // negative (dBm)
    }

    @Test
    void mergingAndTheTextFormKeepEveryCount() {
        Random r = new Random(7);
        LogHistogram a = new LogHistogram();
        LogHistogram b = new LogHistogram();
        double[] all = new double[2000];
        for (int i = 0; i < all.length; i++) {
            all[i] = r.nextDouble() < 0.1 ? -r.nextDouble() : r.nextDouble() < 0.1 ? 0 : 100 * r.nextDouble();
            (i % 2 == 0 ? a : b).add(all[i]);
        }
        LogHistogram merged = LogHistogram.decode(a.encode());
        merged.merge(LogHistogram.decode(b.encode()));
        assertThat(merged.count()).isEqualTo(2000);
        assertThat(merged.encode()).isEqualTo(LogHistogram.decode(merged.encode()).encode());
        double want = exact(all, 0.95);
        assertThat(merged.quantile(0.95)).isCloseTo(want, within(Math.abs(want) * 0.05));
    }

    @Test
    void anEmptyHistogramHasNoQuantileAndNonsenseIsIgnored() {
        LogHistogram h = new LogHistogram();
        h.add(Double.NaN);
        h.add(Double.POSITIVE_INFINITY);
        assertThat(h.count()).isZero();
        assertThat(h.quantile(0.95)).isNaN();
        assertThat(LogHistogram.decode("").count()).isZero();
        h.add(7);
        assertThat(h.quantile(0.95, 7, 7)).isEqualTo(7);
    }
}
