package io.cemhub.experience;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SLA compliance of a customer's services in a period, from hour rollups (one query for all of them). */
public class SlaService {

    private final JdbcTemplate jdbc;
    private final RollupStore rollups;
    private final SlaContracts contracts;

    public SlaService(JdbcTemplate jdbc, RollupStore rollups, SlaContracts contracts) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.contracts = contracts;
    }

    public record MetricCompliance(String metric, double target, String objective, long hours, long compliantHours,
                                   Double compliancePct) {
    }

    public record ServiceCompliance(String serviceId, String serviceType, Double compliancePct, List<MetricCompliance> metrics) {
    }

    public record CustomerCompliance(String customerId, String slaTier, Instant from, Instant to, Double compliancePct,
                                     List<ServiceCompliance> services) {
    }

    public CustomerCompliance customer(String customerId, Instant from, Instant to) {
        Fleet fleet = Fleet.load(jdbc, customerId);
        SlaCompliance.Result result = SlaCompliance.of(rollups.sums(Granularity.HOUR, customerId,
                Granularity.HOUR.bucket(from), to), fleet, contracts);
        return describe(fleet, customerId, result, from, to);
    }

    /** The answer for one customer out of a computed result (reports reuse it). */
    public CustomerCompliance describe(Fleet fleet, String customerId, SlaCompliance.Result result, Instant from, Instant to) {
        List<ServiceCompliance> services = new ArrayList<>();
        for (Fleet.ServiceInfo s : fleet.servicesOf(customerId)) {
            List<MetricCompliance> metrics = new ArrayList<>();
            Map<String, SlaCompliance.Score> scores = result.byMetric().getOrDefault(s.id(), Map.of());
            fleet.targets(contracts, s.id()).forEach((metric, t) -> {
                SlaCompliance.Score sc = scores.getOrDefault(metric, new SlaCompliance.Score(0, 0));
                metrics.add(new MetricCompliance(metric, t.value(), t.higherIsBetter() ? "at least" : "at most", sc.hours(),
                        sc.compliant(), sc.percent()));
            });
            services.add(new ServiceCompliance(s.id(), s.serviceType(), result.service(s.id()).percent(), metrics));
        }
        Fleet.CustomerInfo c = fleet.customers().get(customerId);
        return new CustomerCompliance(customerId, c == null ? null : c.slaTier(), from, to,
                result.customer(customerId).percent(), services);
    }

    public SlaContracts contracts() {
        return contracts;
    }
}
