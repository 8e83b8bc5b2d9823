package io.cemhub.sla;

import io.cemhub.experience.Fleet;
import io.cemhub.experience.SlaContracts;
import io.cemhub.kpi.KpiCatalogue;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly KPIs (sla.yaml {@code monthly}) of every service in a month up to an instant: the registry and
 * the hour rollups in four queries for the whole fleet, never one per service.
 */
public final class SlaMonth {

    /** One service's monthly KPI with its target, perfect value and hours with data. */
    record Series(Fleet.ServiceInfo service, Fleet.CustomerInfo customer, String metric, SlaContracts.Target target,
                  double best, List<MonthlyBudget.Hour> hours) {
    }

    private final JdbcTemplate jdbc;
    private final SlaStore store;
    private final SlaContracts contracts;
    private final Map<String, Double> best;

    /** Refuses, at start, a monthly KPI without a perfect value. */
    public SlaMonth(JdbcTemplate jdbc, SlaStore store, SlaContracts contracts, KpiCatalogue kpis) {
        this.jdbc = jdbc;
        this.store = store;
        this.contracts = contracts;
        this.best = budgetedKpis(contracts, kpis);
    }

    SlaStore store() {
        return store;
    }

    SlaContracts contracts() {
        return contracts;
    }

    /** The KPIs of {@code monthly} that have a perfect value, each with it (checked at start: all of them). */
    static Map<String, Double> budgetedKpis(SlaContracts contracts, KpiCatalogue kpis) {
        Map<String, Double> best = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        for (String metric : contracts.monthly()) {
            Double b = kpis.find(metric).map(MonthlyBudget::best).orElse(null);
            if (b == null) {
                without.add(metric);
            } else {
                best.put(metric, b);
            }
        }
        if (!without.isEmpty()) {
            throw new IllegalStateException("sla.yaml: monthly KPIs need a perfect value (unit % or ratio, or lower is"
                    + " better) for their budget: " + without);
        }
        return best;
    }

    List<Series> load(YearMonth month, Instant until) {
        Instant start = MonthlyBudget.start(month);
        Instant end = until.isBefore(MonthlyBudget.end(month)) ? until : MonthlyBudget.end(month);
        Map<SlaStore.Key, List<MonthlyBudget.Hour>> hours = store.hours(new ArrayList<>(best.keySet()), start, end);
        if (hours.isEmpty()) {
            return List.of();
        }
        Fleet fleet = Fleet.load(jdbc, null);
        List<Series> series = new ArrayList<>();
        hours.forEach((key, list) -> {
            Fleet.ServiceInfo service = fleet.service(key.serviceId());
            SlaContracts.Target target = service == null ? null : fleet.targets(contracts, key.serviceId()).get(key.metric());
            if (target != null) {
                series.add(new Series(service, fleet.customers().get(service.customerId()), key.metric(), target,
                        best.get(key.metric()), list));
            }
        });
        return series;
    }
}
