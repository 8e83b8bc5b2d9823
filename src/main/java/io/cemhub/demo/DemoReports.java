package io.cemhub.demo;

import io.cemhub.report.ReportPeriod;
import io.cemhub.report.ReportService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Demo profile: the reports of the day, week and month under way, made again every few minutes (route
 * demo-reports), so that the portal and GET /api/v1/reports show reports before the first scheduled run.
 */
public class DemoReports {

    private final ReportService reports;
    private final Clock clock;

    public DemoReports(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    public int makeCurrent() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int made = 0;
        for (ReportPeriod period : ReportPeriod.values()) {
            made += reports.generateAll(period, today, ReportService.DEMO);
        }
        return made;
    }
}
