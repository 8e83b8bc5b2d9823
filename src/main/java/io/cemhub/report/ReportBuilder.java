package io.cemhub.report;

import io.cemhub.experience.ActivityStore;
import io.cemhub.experience.ExperienceProperties;
import io.cemhub.experience.ExperienceStore;
import io.cemhub.experience.Fleet;
import io.cemhub.experience.Granularity;
import io.cemhub.experience.Rollup;
import io.cemhub.experience.RollupStore;
import io.cemhub.experience.SlaCompliance;
import io.cemhub.experience.SlaContracts;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes a report of one customer (every service of it) or one service over a period, from the rollups:
 * the KPI buckets (hours for a day, days for a week or a month), the hour sums for SLA compliance, alarms,
 * tickets and the experience index's daily values. Nine indexed queries per report (three of them the registry), whatever the period.
 */
public class ReportBuilder {

    /** What a report covers: a customer, or one service of a customer. */
    public record Subject(String scope, String id, String customerId) {
        public static final String CUSTOMER = "customer";
        public static final String SERVICE = "service";

        boolean service() {
            return SERVICE.equals(scope);
        }
    }

    private final JdbcTemplate jdbc;
    private final RollupStore rollups;
    private final SlaContracts contracts;
    private final ActivityStore activity;
    private final ExperienceStore experience;
    private final ReportStore store;
    private final ExperienceProperties properties;
    private final Clock clock;

    public ReportBuilder(JdbcTemplate jdbc, RollupStore rollups, SlaContracts contracts, ActivityStore activity,
                         ExperienceStore experience, ReportStore store, ExperienceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.contracts = contracts;
        this.activity = activity;
        this.experience = experience;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public ReportData build(Subject subject, ReportPeriod period, LocalDate start) {
        Instant from = ReportPeriod.instant(start);
        Instant to = ReportPeriod.instant(period.endOf(start));
        Instant now = clock.instant();
        String customerId = subject.customerId();
        Fleet fleet = Fleet.load(jdbc, customerId);
        Granularity g = period == ReportPeriod.DAY ? Granularity.HOUR : Granularity.DAY;
        List<RollupStore.Row> rows = subject.service() ? rollups.ofService(g, subject.id(), null, from, to)
                : rollups.ofCustomer(g, customerId, null, from, to);
        List<RollupStore.Row> hours = rollups.sums(Granularity.HOUR, customerId, from, to).stream()
                .filter(r -> !subject.service() || r.serviceId().equals(subject.id())).toList();
        SlaCompliance.Result sla = SlaCompliance.of(hours, fleet, contracts);
        ActivityStore.Alarms alarms = activity.alarms(customerId, from, to, now);
        ActivityStore.Interactions interactions = activity.interactions(customerId, from, to)
                .getOrDefault(customerId, new ActivityStore.Interactions(0, 0));
        Map<String, Long> tickets = store.ticketsByService(customerId, from, to);
        List<ExperienceStore.Day> days = experience.days(customerId, from, to);

        Set<String> serviceIds = new LinkedHashSet<>();
        if (subject.service()) {
            serviceIds.add(subject.id());
        } else {
            fleet.servicesOf(customerId).forEach(s -> serviceIds.add(s.id()));
            rows.forEach(r -> serviceIds.add(r.serviceId()));
        }
        List<ServiceRows> perService = new ArrayList<>();
        for (String id : serviceIds) {
            perService.add(new ServiceRows(id, rows.stream().filter(r -> r.serviceId().equals(id)).toList()));
        }
        List<ReportData.ServiceSection> sections = new ArrayList<>();
        for (ServiceRows s : perService) {
            Fleet.ServiceInfo info = fleet.service(s.id());
            ActivityStore.AlarmTotals a = alarms.service(s.id());
            sections.add(new ReportData.ServiceSection(s.id(), info == null ? null : info.serviceType(),
                    sla.service(s.id()).percent(), a.raised(), round1(a.minutes()), tickets.getOrDefault(s.id(), 0L),
                    kpis(s.rows(), fleet.targets(contracts, s.id()), sla.byMetric().getOrDefault(s.id(), Map.of()), from)));
        }
        List<ReportData.Kpi> customerKpis = subject.service() ? List.of() : kpis(rows, Map.of(), Map.of(), from);

        ActivityStore.AlarmTotals total = subject.service() ? alarms.service(subject.id()) : alarms.customer(customerId);
        SlaCompliance.Score score = subject.service() ? sla.service(subject.id()) : sla.customer(customerId);
        long ticketCount = subject.service() ? tickets.getOrDefault(subject.id(), 0L) : interactions.tickets();
        ExperienceStore.Day first = days.isEmpty() ? null : days.get(0);
        ExperienceStore.Day last = days.isEmpty() ? null : days.get(days.size() - 1);
        ReportData.Summary summary = new ReportData.Summary(score.percent(), total.raised(), round1(total.minutes()),
                ticketCount, interactions.paymentTrouble(), first == null ? null : first.score(),
                last == null ? null : last.score(), last == null ? null : last.band());
        Fleet.CustomerInfo c = fleet.customers().get(customerId);
        return new ReportData(subject.scope(), subject.id(), customerId, c == null ? null : c.name(),
                c == null ? null : c.segment(), c == null ? null : c.slaTier(), period, from, to, now, summary, sections,
                customerKpis, days, properties.getBands().getAverageFrom(), properties.getBands().getIdealFrom());
    }

    private record ServiceRows(String id, List<RollupStore.Row> rows) {
    }

    /** Per metric: the period's total and buckets (services merged), and the contract when one is given. */
    private static List<ReportData.Kpi> kpis(List<RollupStore.Row> rows, Map<String, SlaContracts.Target> targets,
                                             Map<String, SlaCompliance.Score> scores, Instant from) {
        Map<String, TreeMap<Instant, Rollup>> byMetric = new TreeMap<>(RollupStore.byMetric(rows));
        targets.keySet().forEach(m -> byMetric.computeIfAbsent(m, k -> new TreeMap<>()));
        List<ReportData.Kpi> kpis = new ArrayList<>();
        byMetric.forEach((metric, buckets) -> {
            Rollup total = new Rollup(from);
            buckets.values().forEach(total::merge);
            SlaContracts.Target t = targets.get(metric);
            SlaCompliance.Score s = scores.getOrDefault(metric, new SlaCompliance.Score(0, 0));
            kpis.add(new ReportData.Kpi(metric, total.point(), t == null ? null : t.value(),
                    t == null ? null : t.higherIsBetter() ? "at least" : "at most", s.hours(), s.compliant(),
                    t == null ? null : s.percent(), buckets.values().stream().map(Rollup::point).toList()));
        });
        return kpis;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
