package io.cemhub.sla;

import io.cemhub.experience.Granularity;
import io.cemhub.experience.RollupSql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hour rollups of the monthly KPIs, and what was sent about them (V14): warnings, breaches, closed months. */
public class SlaStore {

    private final JdbcTemplate jdbc;

    public SlaStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A (service, KPI) of a month. */
    public record Key(String serviceId, String metric) {
    }

    /** A stored breach and its credit. */
    public record Breach(String serviceId, String metric, Instant monthStart, String creditId, String eventId,
                         String customerId, String slaTier, double target, double monthAverage, double shortfallPercent,
                         double amount, String currency, Instant createdAt) {
    }

    /** Hourly averages of these metrics in [from, to), per service and metric, oldest first: one query. */
    public Map<Key, List<MonthlyBudget.Hour>> hours(List<String> metrics, Instant from, Instant to) {
        Map<Key, List<MonthlyBudget.Hour>> hours = new LinkedHashMap<>();
        if (metrics.isEmpty()) {
            return hours;
        }
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        args.addAll(metrics);
        jdbc.query(hoursSql(metrics.size()), rs -> {
            hours.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                    .add(new MonthlyBudget.Hour(rs.getTimestamp(3).toInstant(), rs.getDouble(6) / rs.getLong(5)));
        }, args.toArray());
        return hours;
    }

    /**
     * The hour buckets' keys joined to their figures as the rollup reports read them ({@link RollupSql#readJoined}:
     * the key table through its bucket_start index, the figures by primary key, V17).
     */
    static String hoursSql(int metrics) {
        return RollupSql.readJoined(Granularity.HOUR, "f.sample_count, f.value_sum", " and f.sample_count > 0"
                + " and k.metric in (" + String.join(", ", Collections.nCopies(metrics, "?")) + ")"
                + " order by k.service_id, k.metric, k.bucket_start");
    }

    public Set<Key> warned(Instant monthStart) {
        return keys("sla_budget_warning", monthStart);
    }

    public void warning(Key key, Instant monthStart, String eventId, String customerId, String budgetJson, Instant at) {
        jdbc.update("insert into sla_budget_warning (service_id, metric, month_start, event_id, customer_id, budget_json,"
                + " sent_at) values (?, ?, ?, ?, ?, ?, ?)", key.serviceId(), key.metric(), Timestamp.from(monthStart),
                eventId, customerId, budgetJson, Timestamp.from(at));
    }

    public Set<Key> breached(Instant monthStart) {
        return keys("sla_breach", monthStart);
    }

    /** Inserts the breach; a second insert of the same (service, KPI, month) fails on the primary key. */
    public void breach(Breach b) {
        jdbc.update("insert into sla_breach (service_id, metric, month_start, credit_id, event_id, customer_id, sla_tier,"
                + " target, month_average, shortfall_pct, amount, currency, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", b.serviceId(), b.metric(), Timestamp.from(b.monthStart()),
                b.creditId(), b.eventId(), b.customerId(), b.slaTier(), b.target(), b.monthAverage(), b.shortfallPercent(),
                b.amount(), b.currency(), Timestamp.from(b.createdAt()));
    }

    /** The breaches of a month (or of every month when null), by service. */
    public List<Breach> breaches(Instant monthStart) {
        return jdbc.query("select service_id, metric, month_start, credit_id, event_id, customer_id, sla_tier, target,"
                + " month_average, shortfall_pct, amount, currency, created_at from sla_breach"
                + (monthStart == null ? "" : " where month_start = ?") + " order by month_start, service_id, metric",
                (rs, i) -> new Breach(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getDouble(8), rs.getDouble(9),
                        rs.getDouble(10), rs.getDouble(11), rs.getString(12), rs.getTimestamp(13).toInstant()),
                monthStart == null ? new Object[0] : new Object[] {Timestamp.from(monthStart)});
    }

    public boolean closed(Instant monthStart) {
        Integer n = jdbc.queryForObject("select count(*) from sla_month_close where month_start = ?", Integer.class,
                Timestamp.from(monthStart));
        return n != null && n > 0;
    }

    public void close(Instant monthStart, Instant at, int services, int breaches) {
        if (jdbc.update("update sla_month_close set closed_at = ?, services = ?, breaches = ? where month_start = ?",
                Timestamp.from(at), services, breaches, Timestamp.from(monthStart)) == 0) {
            jdbc.update("insert into sla_month_close (month_start, closed_at, services, breaches) values (?, ?, ?, ?)",
                    Timestamp.from(monthStart), Timestamp.from(at), services, breaches);
        }
    }

    private Set<Key> keys(String table, Instant monthStart) {
        Set<Key> keys = new HashSet<>();
        jdbc.query("select service_id, metric from " + table + " where month_start = ?",
                rs -> {
                    keys.add(new Key(rs.getString(1), rs.getString(2)));
                }, Timestamp.from(monthStart));
        return keys;
    }
}
