package io.cemhub.report;

import io.cemhub.experience.ExperienceStore;
import io.cemhub.experience.Rollup;

import java.time.Instant;
import java.util.List;

/**
 * What a report says, before it is rendered (CSV, HTML): computed from the rollups, the SLA contracts, the
 * alarm and interaction tables and the experience index's daily values, never from raw measurements.
 */
public record ReportData(String scope, String subjectId, String customerId, String customerName, String segment,
                         String slaTier, ReportPeriod period, Instant from, Instant to, Instant generatedAt,
                         Summary summary, List<ServiceSection> services, List<Kpi> customerKpis,
                         List<ExperienceStore.Day> experience, double averageFrom, double idealFrom) {

    static boolean scopeIsService(ReportData r) {
        return "service".equals(r.scope());
    }

    /** The whole scope's figures; compliancePct is null when nothing contracted was measured. */
    public record Summary(Double compliancePct, long alarms, double alarmMinutes, long tickets, long paymentTrouble,
                          Double experienceFirst, Double experienceLast, String band) {
    }

    /** One service: its SLA compliance, alarms, tickets and KPIs. */
    public record ServiceSection(String serviceId, String serviceType, Double compliancePct, long alarms,
                                 double alarmMinutes, long tickets, List<Kpi> kpis) {
    }

    /**
     * One KPI over the period (count, min, avg, max, p95 from the merged rollups), its contract when it has one
     * (target, objective, hours with data, complying hours, %), and its buckets: hours for a day, days otherwise.
     */
    public record Kpi(String metric, Rollup.Point total, Double target, String objective, long hours, long compliantHours,
                      Double compliancePct, List<Rollup.Point> series) {
    }
}
