package io.cemhub.experience;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hour and day rollup tables. Writes come from the pipeline only, and one (service, metric) is in one
 * partition, handled by one consumer at a time across all instances: a read-merge-write of a bucket never
 * races another writer, so plain update/insert serves H2 and PostgreSQL alike.
 */
public class RollupStore {

    private static final String COLUMNS = "service_id, metric, bucket_start, customer_id, sample_count, value_sum,"
            + " value_min, value_max, histogram";

    private final JdbcTemplate jdbc;

    public RollupStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A bucket's identity. */
    public record Key(String serviceId, String metric, Instant start) {
    }

    /** A stored bucket with where it belongs. */
    public record Row(String serviceId, String metric, String customerId, Rollup rollup) {
    }

    /** Folds a batch's buckets into the table: one select for all of them, then batched updates and inserts. */
    public void add(Granularity g, Map<Key, Rollup> deltas, Map<Key, String> customers) {
        if (deltas.isEmpty()) {
            return;
        }
        Set<String> services = new LinkedHashSet<>();
        Set<Instant> starts = new LinkedHashSet<>();
        deltas.keySet().forEach(k -> {
            services.add(k.serviceId());
            starts.add(k.start());
        });
        List<Object> args = new ArrayList<>(services);
        starts.forEach(s -> args.add(Timestamp.from(s)));
        Map<Key, Rollup> existing = new HashMap<>();
        jdbc.query("select " + COLUMNS + " from " + g.table + " where service_id in (" + marks(services.size())
                + ") and bucket_start in (" + marks(starts.size()) + ")", rs -> {
                    Row row = row(rs);
                    existing.put(new Key(row.serviceId(), row.metric(), row.rollup().start()), row.rollup());
                }, args.toArray());
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            Rollup stored = existing.get(key);
            if (stored != null) {
                stored.merge(delta);
                updates.add(new Object[] {stored.count(), stored.sum(), stored.min(), stored.max(),
                        stored.histogram().encode(), key.serviceId(), key.metric(), Timestamp.from(key.start())});
            } else {
                inserts.add(new Object[] {key.serviceId(), key.metric(), Timestamp.from(key.start()), customers.get(key),
                        delta.count(), delta.sum(), delta.min(), delta.max(), delta.histogram().encode()});
            }
        });
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update " + g.table + " set sample_count = ?, value_sum = ?, value_min = ?, value_max = ?,"
                    + " histogram = ? where service_id = ? and metric = ? and bucket_start = ?", updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into " + g.table + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        }
    }

    /** A service's buckets in [from, to), by metric (null: every metric), in time order. */
    public List<Row> ofService(Granularity g, String serviceId, String metric, Instant from, Instant to) {
        return query(g, "service_id = ?", serviceId, metric, from, to);
    }

    /** The buckets of every service of a customer in [from, to): one query, however many services. */
    public List<Row> ofCustomer(Granularity g, String customerId, String metric, Instant from, Instant to) {
        return query(g, "customer_id = ?", customerId, metric, from, to);
    }

    /** Every bucket in [from, to) (recompute passes over all customers): one query. */
    public List<Row> all(Granularity g, String metric, Instant from, Instant to) {
        return query(g, null, null, metric, from, to);
    }

    /**
     * Count and sum of every bucket in [from, to) without the histograms (SLA compliance needs averages only);
     * one query for one customer or (null) for all.
     */
    public List<Row> sums(Granularity g, String customerId, Instant from, Instant to) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (customerId != null) {
            args.add(customerId);
        }
        return jdbc.query("select service_id, metric, bucket_start, customer_id, sample_count, value_sum, value_min, value_max"
                + " from " + g.table + " where bucket_start >= ? and bucket_start < ?"
                + (customerId == null ? "" : " and customer_id = ?"), (rs, i) -> new Row(rs.getString(1), rs.getString(2),
                rs.getString(4), new Rollup(rs.getTimestamp(3).toInstant(), rs.getLong(5), rs.getDouble(6), rs.getDouble(7),
                rs.getDouble(8), new LogHistogram())), args.toArray());
    }

    /** Merges rows per metric and bucket start (a customer's services into one series). */
    public static Map<String, TreeMap<Instant, Rollup>> byMetric(Collection<Row> rows) {
        Map<String, TreeMap<Instant, Rollup>> series = new TreeMap<>();
        for (Row row : rows) {
            series.computeIfAbsent(row.metric(), m -> new TreeMap<>())
                    .computeIfAbsent(row.rollup().start(), Rollup::new).merge(row.rollup());
        }
        return series;
    }

    /** Merges rows into one total per (service, metric) over the whole period. */
    public static Map<String, Map<String, Rollup>> totals(Collection<Row> rows, Instant periodStart) {
        Map<String, Map<String, Rollup>> totals = new TreeMap<>();
        for (Row row : rows) {
            totals.computeIfAbsent(row.serviceId(), s -> new TreeMap<>())
                    .computeIfAbsent(row.metric(), m -> new Rollup(periodStart)).merge(row.rollup());
        }
        return totals;
    }

    private List<Row> query(Granularity g, String where, String id, String metric, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from " + g.table
                + " where bucket_start >= ? and bucket_start < ?");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (where != null) {
            sql.append(" and ").append(where);
            args.add(id);
        }
        if (metric != null) {
            sql.append(" and metric = ?");
            args.add(metric);
        }
        sql.append(" order by bucket_start, service_id, metric");
        return jdbc.query(sql.toString(), (rs, i) -> row(rs), args.toArray());
    }

    private static Row row(ResultSet rs) throws SQLException {
        Rollup r = new Rollup(rs.getTimestamp(3).toInstant(), rs.getLong(5), rs.getDouble(6), rs.getDouble(7),
                rs.getDouble(8), LogHistogram.decode(rs.getString(9)));
        return new Row(rs.getString(1), rs.getString(2), rs.getString(4), r);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
