package io.cemhub.report;

import io.cemhub.experience.ExperienceStore;
import io.cemhub.experience.Rollup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV and HTML renderings: quoting, numbers, escaping of hostile ids, charts; and the periods' edges. */
class ReportRenderingTest {

    private static final Instant FROM = Instant.parse("2026-11-10T00:00:00Z");
    private static final String HOSTILE = "S,\"1\"<script>alert(1)</script>";

    private static ReportData report() {
        Rollup hour = new Rollup(FROM.plusSeconds(3600));
        hour.add(10);
        hour.add(30);
        ReportData.Kpi kpi = new ReportData.Kpi("vpn.rtt.avg", hour.point(), 20.0, "at most", 1, 0, 0.0, List.of(hour.point()));
        ReportData.Kpi empty = new ReportData.Kpi("vpn.loss", new Rollup(FROM).point(), null, null, 0, 0, null, List.of());
        return new ReportData("customer", "C1", "C1", "<b>Co</b>", "business", "gold", ReportPeriod.DAY, FROM,
                FROM.plusSeconds(86_400), FROM.plusSeconds(90_000),
                new ReportData.Summary(0.0, 1, 12.5, 2, 0, 70.0, 65.25, "average"),
                List.of(new ReportData.ServiceSection(HOSTILE, "vpn", 0.0, 1, 12.5, 1, List.of(kpi, empty))), List.of(kpi),
                List.of(new ExperienceStore.Day(FROM, 65.25, "average")), 50, 80);
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndLeavesMissingNumbersEmpty() {
        String csv = ReportCsv.render(report());
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(ReportCsv.HEADER);
        assertThat(lines).allSatisfy(l -> assertThat(l.replaceAll("\"[^\"]*(\"\"[^\"]*)*\"", "q").split(",", -1))
                .hasSize(ReportCsv.HEADER.split(",").length));
        assertThat(lines[1]).isEqualTo("summary,,,2026-11-10T00:00:00Z,,,,,,,,,,0,1,12.5,2,0,65.25,average");
        assertThat(csv).contains("\r\nservice,\"S,\"\"1\"\"<script>alert(1)</script>\",,,,,,,,,,,,0,1,12.5,1,,,\r\n");
        assertThat(csv).contains(",vpn.loss,2026-11-10T00:00:00Z,0,,,,,,,,,,,,,,,\r\n");
        assertThat(csv).contains("\r\nseries,\"S,\"\"1\"\"<script>alert(1)</script>\",vpn.rtt.avg,2026-11-10T01:00:00Z,2,10,20,30,");
        assertThat(csv).endsWith("\r\nexperience,,,2026-11-10T00:00:00Z,,,,,,,,,,,,,,,65.25,average\r\n");
        assertThat(ReportCsv.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(ReportCsv.number(-2)).isEqualTo("-2");
    }

    @Test
    void htmlEscapesIdsAndDrawsChartsWithoutScript() {
        String html = ReportHtml.render(report());
        assertThat(html).doesNotContain("<script").doesNotContain("<b>Co</b>");
        assertThat(html).contains("S,&quot;1&quot;&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;Co&lt;/b&gt;");
        assertThat(html.split("<svg", -1)).as("the index and the one KPI with buckets").hasSize(3);
        assertThat(html).contains("70 → 65.25").contains("at most 20");
    }

    @Test
    void periodsAreUtcDaysIsoWeeksAndCalendarMonths() {
        LocalDate wednesday = LocalDate.parse("2026-11-11");
        assertThat(ReportPeriod.WEEK.startOf(wednesday)).isEqualTo("2026-11-09");
        assertThat(ReportPeriod.MONTH.endOf(LocalDate.parse("2026-02-01"))).isEqualTo("2026-03-01");
        assertThat(ReportPeriod.DAY.lastCompleted(Instant.parse("2026-11-11T00:15:00Z"))).isEqualTo("2026-11-10");
        assertThat(ReportPeriod.WEEK.lastCompleted(Instant.parse("2026-11-16T00:30:00Z"))).isEqualTo("2026-11-09");
        assertThat(ReportPeriod.MONTH.lastCompleted(Instant.parse("2026-01-01T00:45:00Z"))).isEqualTo("2025-12-01");
        assertThat(ReportPeriod.parse(" Week ")).isEqualTo(ReportPeriod.WEEK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportPeriod.parse("year"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("day, week or month");
    }
}
