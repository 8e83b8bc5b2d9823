package io.cemhub.experience;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hour and day rollup tables. Writes come from the pipeline only, and one (service, metric) is in one
 * partition, handled by one consumer at a time across all instances: a read-merge-write of a bucket never
 * races another writer, so plain update/insert serves H2 and PostgreSQL alike.
 */
public class RollupStore {

    private static final String COLUMNS = "service_id, metric, bucket_start, customer_id, sample_count, value_sum,"
            + " value_min, value_max, histogram";

    /** The most bucket keys one select reads. */
    static final int SELECT_CHUNK = 64;

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

    /**
     * Folds a batch's buckets into the table: the stored buckets are read by their primary key (a few
     * statements of {@link #SELECT_CHUNK} keys at most), then batched updates and inserts.
     */
    public void add(Granularity g, Map<Key, Rollup> deltas, Map<Key, String> customers) {
        if (deltas.isEmpty()) {
            return;
        }
        Map<Key, Rollup> existing = new HashMap<>();
        List<Key> keys = new ArrayList<>(deltas.keySet());
        for (int from = 0; from < keys.size(); from += SELECT_CHUNK) {
            List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + SELECT_CHUNK));
            int size = paddedSize(chunk.size());
            Object[] args = new Object[size * 3];
            for (int i = 0; i < size; i++) {
                // Padding repeats the last key: the same statement text for 5 to 8 keys, nothing read twice.
                Key k = chunk.get(Math.min(i, chunk.size() - 1));
                args[3 * i] = k.serviceId();
                args[3 * i + 1] = k.metric();
                args[3 * i + 2] = Timestamp.from(k.start());
            }
            jdbc.query(selectSql(g, size), rs -> {
                Row row = row(rs);
                existing.put(new Key(row.serviceId(), row.metric(), row.rollup().start()), row.rollup());
            }, args);
        }
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
            jdbc.batchUpdate(updateSql(g), updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into " + g.table + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        }
    }

    /**
     * The update of one bucket. H2 plans it when first prepared, often on an empty table, and keeps the plan:
     * either index it may pick (the primary key, or bucket_start with the rest of the key after it, V16) finds
     * the bucket by all three columns.
     */
    static String updateSql(Granularity g) {
        return "update " + g.table + " set sample_count = ?, value_sum = ?, value_min = ?, value_max = ?,"
                + " histogram = ? where service_id = ? and metric = ? and bucket_start = ?";
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

    /**
     * The select of {@code n} buckets by their whole primary key, as a row-value IN list. Why not
     * {@code service_id in (...) and bucket_start in (...)}: H2 plans a statement when it is first prepared
     * and keeps the plan in its query cache; prepared on an empty table (a new hub) it chose the bucket_start
     * index, i.e. a scan of every bucket of the hour, and kept it: 75 % of the hub's CPU at 100,000 series
     * (issue 10, F3). A row-value IN list is planned on the primary key whatever the table holds.
     */
    static String selectSql(Granularity g, int n) {
        return "select " + COLUMNS + " from " + g.table + " where (service_id, metric, bucket_start) in ("
                + String.join(", ", Collections.nCopies(n, "(?, ?, ?)")) + ")";
    }

    /** The next power of two (at most the chunk): few distinct statement texts, so parsed statements are reused. */
    static int paddedSize(int n) {
        int size = Integer.highestOneBit(Math.max(1, n));
        return Math.min(SELECT_CHUNK, size == n ? n : size << 1);
    }
}
