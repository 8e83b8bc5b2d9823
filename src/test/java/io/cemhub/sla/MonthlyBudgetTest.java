package io.cemhub.sla;

import io.cemhub.experience.SlaContracts;
import io.cemhub.kpi.Kpi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection rule and the credit rule, with the worked examples of docs/experience.md. */
class MonthlyBudgetTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final SlaContracts.Target GOLD = new SlaContracts.Target("vpn.availability", 99.9, true);

    private static List<MonthlyBudget.Hour> hours(int good, double goodValue, int bad, double badValue) {
        List<MonthlyBudget.Hour> hours = new ArrayList<>();
        Instant t = MonthlyBudget.start(NOVEMBER);
        for (int i = 0; i < good + bad; i++) {
            hours.add(new MonthlyBudget.Hour(t.plus(Duration.ofHours(i)), i < bad ? badValue : goodValue));
        }
        return hours;
    }

    @Test
    void theWorkedExampleWarnsWithItsFigures() {
        // 216 hours into November (720 h): 4 hours at 92.5 %, 212 at 100 %
        Instant now = Instant.parse("2026-11-10T00:00:00Z");
        MonthlyBudget.Status s = MonthlyBudget.of(NOVEMBER, GOLD, 100, hours(212, 100, 4, 92.5), now);
        assertThat(s.hoursInMonth()).isEqualTo(720);
        assertThat(s.hoursWithData()).isEqualTo(216);
        assertThat(s.budget()).isEqualTo(72);
        assertThat(s.used()).isEqualTo(30);
        assertThat(s.projectedUse()).isEqualTo(100);
        assertThat(s.left()).isEqualTo(42);
        assertThat(s.average()).isEqualTo(99.8611);
        assertThat(s.exhaustsAt()).isEqualTo(Instant.parse("2026-11-22T14:24:00Z"));
        assertThat(s.warns(1.0, 24)).isTrue();
        // the same burn against silver's 99.5 % (budget 360) is far from a breach
        MonthlyBudget.Status silver = MonthlyBudget.of(NOVEMBER, new SlaContracts.Target("vpn.availability", 99.5, true),
                100, hours(212, 100, 4, 92.5), now);
        assertThat(silver.budget()).isEqualTo(360);
        assertThat(silver.warns(1.0, 24)).isFalse();
        assertThat(silver.warns(0.25, 24)).as("a lower threshold warns earlier").isTrue();
    }

    @Test
    void aProjectionBeyondTheBudgetIsExactlyAnAverageSoFarBelowTheTarget() {
        Instant now = Instant.parse("2026-11-03T00:00:00Z");
        // 48 hours averaging 99.9 exactly: projected use = budget, no warning
        MonthlyBudget.Status atTarget = MonthlyBudget.of(NOVEMBER, GOLD, 100, hours(24, 100, 24, 99.8), now);
        assertThat(atTarget.projectedUse()).isEqualTo(atTarget.budget());
        assertThat(atTarget.warns(1.0, 24)).isFalse();
        MonthlyBudget.Status below = MonthlyBudget.of(NOVEMBER, GOLD, 100, hours(24, 100, 24, 99.79), now);
        assertThat(below.average()).isLessThan(99.9);
        assertThat(below.warns(1.0, 24)).isTrue();
    }

    @Test
    void fewHoursDoNotWarnUnlessTheWholeBudgetIsGone() {
        Instant now = Instant.parse("2026-11-01T05:00:00Z");
        MonthlyBudget.Status early = MonthlyBudget.of(NOVEMBER, GOLD, 100, hours(0, 100, 5, 90), now);
        assertThat(early.used()).isEqualTo(50);
        assertThat(early.warns(1.0, 24)).as("5 hours of data, 50 of 72 used").isFalse();
        MonthlyBudget.Status gone = MonthlyBudget.of(NOVEMBER, GOLD, 100, hours(0, 100, 5, 80), now);
        assertThat(gone.used()).isEqualTo(100);
        assertThat(gone.left()).isEqualTo(-28);
        assertThat(gone.exhaustsAt()).isEqualTo(now);
        assertThat(gone.warns(1.0, 24)).isTrue();
        MonthlyBudget.Status perfect = MonthlyBudget.of(NOVEMBER, new SlaContracts.Target("vpn.availability", 100, true),
                100, hours(30, 100, 0, 0), now);
        assertThat(perfect.budget()).isZero();
        assertThat(perfect.warns(1.0, 24)).as("nothing used of a zero budget").isFalse();
    }

    @Test
    void aLowerIsBetterKpiBurnsItsValueAndItsPerfectValueComesFromUnitAndDirection() {
        SlaContracts.Target loss = new SlaContracts.Target("vpn.loss", 0.5, false);
        MonthlyBudget.Status s = MonthlyBudget.of(NOVEMBER, loss, 0, hours(24, 0.2, 24, 1.0),
                Instant.parse("2026-11-03T00:00:00Z"));
        assertThat(s.budget()).isEqualTo(360);
        assertThat(s.used()).isEqualTo(28.8);
        assertThat(s.average()).isEqualTo(0.6);
        assertThat(s.objective()).isEqualTo("at most");
        assertThat(s.warns(1.0, 24)).isTrue();
        assertThat(MonthlyBudget.best(new Kpi("vpn.availability", "%", "higher", ""))).isEqualTo(100);
        assertThat(MonthlyBudget.best(new Kpi("speedtest.download.ratio", "ratio", "higher", ""))).isEqualTo(1);
        assertThat(MonthlyBudget.best(new Kpi("vpn.rtt.avg", "ms", "lower", ""))).isZero();
        assertThat(MonthlyBudget.best(new Kpi("speedtest.download.mbps", "Mbit/s", "higher", ""))).isNull();
        assertThat(MonthlyBudget.hours(YearMonth.of(2026, 10))).isEqualTo(744);
    }

    @Test
    void theCreditFollowsTheTiersRuleUpToItsMaximum() {
        // gold: average 99.0 against 99.9 -> shortfall 0.9009 % -> 100 + 50 x 0.9009 = 145.05
        double shortfall = GOLD.shortfallPercent(99.0);
        assertThat(MonthlyBudget.round(shortfall)).isEqualTo(0.9009);
        assertThat(new SlaContracts.Credit(100, 50, 1000).amount(shortfall)).isEqualTo(145.05);
        // bronze: average 70 against 99.0 -> 20 + 10 x 29.29 = 312.93, capped at 200
        SlaContracts.Target bronze = new SlaContracts.Target("vpn.availability", 99.0, true);
        assertThat(new SlaContracts.Credit(20, 10, 200).amount(bronze.shortfallPercent(70))).isEqualTo(200);
        assertThat(GOLD.shortfallPercent(99.95)).isZero();
    }
}
