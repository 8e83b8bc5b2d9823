package io.cemhub.experience;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * SLA compliance from hour rollups: an hour of a contracted KPI complies when its average meets the
 * contracted value; compliance % = complying hours / hours with data x 100, per service and metric, per
 * service (all its contracted KPI-hours) and per customer (all of its services' KPI-hours).
 */
public final class SlaCompliance {

    /** Hours with data and hours that complied; percent is null when nothing contracted was measured. */
    public record Score(long hours, long compliant) {
        public Double percent() {
            return hours == 0 ? null : Math.round(compliant * 10_000.0 / hours) / 100.0;
        }

        Score plus(Score o) {
            return new Score(hours + o.hours, compliant + o.compliant);
        }
    }

    /** Per customer, per service, per metric. */
    public record Result(Map<String, Score> byCustomer, Map<String, Score> byService, Map<String, Map<String, Score>> byMetric) {
        public Score customer(String id) {
            return byCustomer.getOrDefault(id, new Score(0, 0));
        }

        public Score service(String id) {
            return byService.getOrDefault(id, new Score(0, 0));
        }
    }

    private SlaCompliance() {
    }

    public static Result of(Collection<RollupStore.Row> hourRows, Fleet fleet, SlaContracts contracts) {
        Map<String, Score> byCustomer = new TreeMap<>();
        Map<String, Score> byService = new TreeMap<>();
        Map<String, Map<String, Score>> byMetric = new TreeMap<>();
        Map<String, Map<String, SlaContracts.Target>> targets = new java.util.HashMap<>();
        for (RollupStore.Row row : hourRows) {
            Fleet.ServiceInfo service = fleet.service(row.serviceId());
            if (service == null || row.rollup().count() == 0) {
                continue;
            }
            SlaContracts.Target target = targets.computeIfAbsent(row.serviceId(), id -> fleet.targets(contracts, id))
                    .get(row.metric());
            if (target == null) {
                continue;
            }
            Score one = new Score(1, target.met(row.rollup().avg()) ? 1 : 0);
            byCustomer.merge(service.customerId(), one, Score::plus);
            byService.merge(row.serviceId(), one, Score::plus);
            byMetric.computeIfAbsent(row.serviceId(), k -> new TreeMap<>()).merge(row.metric(), one, Score::plus);
        }
        return new Result(byCustomer, byService, byMetric);
    }
}
